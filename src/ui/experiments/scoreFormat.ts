const small = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const large = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A score as the backlog shows it: whole numbers with grouping, small ones with one decimal. */
export function formatScore(value: number): string {
  return (Math.abs(value) < 10 ? small : large).format(value);
}
