/**
 * JS heap of a million-row import through the domain code the Data tab runs (decode, parse,
 * plan, implausibility flags), measured, not asserted. Run with
 * `node --expose-gc --import tsx tests/bench/csvMemory.ts [rows]`; prints the peak heap seen
 * after each step (process.memoryUsage().heapUsed after a full GC) and what stays held.
 */
import { decodeCsvBytes } from '../../src/domain/csvDecode';
import { parseCsv } from '../../src/domain/csvParse';
import { planImport, type ImportMetric } from '../../src/domain/csvImport';
import { implausibleValues } from '../../src/domain/csvPlausible';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const rows = Number(process.argv[2] ?? 1_000_000);
const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`;
const heap = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

// 100 daily metrics × 10,000 days: "Metric 17,2001-03-04,1234.5,note 17".
const metrics: ImportMetric[] = Array.from({ length: 100 }, (_, i) => ({
  id: `m${i}`,
  name: `Metric ${i}`,
  cadence: 'daily',
  formula: null,
  planMetric: null,
}));
const base = Date.UTC(1990, 0, 1);
const lines = ['metric,date,value,note'];
for (let i = 0; i < rows; i++) {
  const day = new Date(base + Math.floor(i / 100) * 86_400_000).toISOString().slice(0, 10);
  lines.push(`Metric ${i % 100},${day},${(i % 5000) + 0.5},note ${i % 100}`);
}
const bytes = new TextEncoder().encode(lines.join('\n'));
lines.length = 0;
const start = heap();
console.log(`file: ${mb(bytes.length)}, heap before: ${mb(start)}`);

const t0 = Date.now();
const { text } = decodeCsvBytes(bytes);
const csv = parseCsv(text);
const afterParse = heap();
const plan = planImport(
  csv,
  { metric: 0, period: 1, value: 2, note: 3 },
  { dateOrder: 'ymd', decimal: '.', today: '2026-12-03' },
  metrics,
);
const afterPlan = heap();
const flags = implausibleValues(plan.rows, () => []);
const afterFlags = heap();
console.log(
  `rows planned: ${plan.rows.length.toLocaleString('en')}, rejected ${plan.rejected.length}, flags ${flags.length}, ${Date.now() - t0} ms`,
);
console.log(
  `heap held (above the file bytes): after parse ${mb(afterParse - start)}, after plan ${mb(afterPlan - start)}, after flags ${mb(afterFlags - start)}`,
);
console.log(
  `peak rss ${mb(process.resourceUsage().maxRSS * 1024)}; text ${text.length.toLocaleString('en')} chars`,
);
