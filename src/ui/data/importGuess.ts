/**
 * The import's first guess for a file just read: its shape (one value per row, one column per
 * metric, or one metric's series), which column holds what, the decimal mark and the date order
 * (month first only for US English with a decimal point), and where a relative report starts.
 */
import { guessColumns, type ImportMetric } from '../../domain/csvImport';
import {
  guessDecimalMark,
  type DateOrder,
  type DecimalMark,
  type ParsedCsv,
} from '../../domain/csvParse';
import { guessSeriesMetric } from '../../domain/csvSeries';
import { guessWideColumns } from '../../domain/csvWideImport';
import type { Columns, CsvShape } from './ColumnMapping.svelte';
import { columnSamples, guessDateOrder, guessedColumns } from './importHelpers';

export interface ImportGuess {
  shape: CsvShape;
  columns: Columns;
  /** Whether the header names metrics (the wide shape is offered). */
  wideOffered: boolean;
  /** Per column, the metric its header names ('' for none). */
  wideMetrics: string[];
  /** The metric a series file is of ('' when none is guessed). */
  seriesMetric: string;
  decimal: DecimalMark;
  dateOrder: DateOrder;
  reportStart: string;
}

export function guessImport(
  csv: ParsedCsv,
  fileName: string,
  metrics: readonly ImportMetric[],
  none: Columns,
  language: string,
): ImportGuess {
  const wide = guessWideColumns(csv.header, metrics);
  const guessed = guessColumns(csv.header);
  const series = guessSeriesMetric(csv.header, fileName, metrics);
  // No metric column: one metric's series (its value column may be headed by the metric's name).
  const shape: CsvShape = wide ? 'wide' : guessed.metric === undefined ? 'series' : 'long';
  const columns: Columns = wide
    ? { ...none, period: wide.period ?? -1, note: wide.note ?? -1 }
    : guessedColumns(none, {
        ...guessed,
        value: guessed.value ?? (shape === 'series' ? series?.valueColumn : undefined),
      });
  const valueSamples = wide
    ? wide.values.flatMap((v) => columnSamples(csv, v.column, 100))
    : columnSamples(csv, columns.value);
  const decimal = guessDecimalMark(valueSamples, csv.delimiter);
  const monthFirst = language.toLowerCase() === 'en-us' && decimal === '.';
  return {
    shape,
    columns,
    wideOffered: wide !== null,
    wideMetrics: csv.header.map((_, i) => wide?.values.find((v) => v.column === i)?.metricId ?? ''),
    seriesMetric: series?.metricId ?? '',
    decimal,
    dateOrder: guessDateOrder(columnSamples(csv, columns.period), monthFirst),
    reportStart: csv.reportStart ?? '',
  };
}
