/** A score as the backlog shows it: whole numbers with grouping, small ones with one decimal. */
export function formatScore(value: number): string {
  return new Intl.NumberFormat(undefined, {
    maximumFractionDigits: Math.abs(value) < 10 ? 1 : 0,
  }).format(value);
}
