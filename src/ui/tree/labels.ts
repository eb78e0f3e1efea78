import type {
  Aggregation,
  Cadence,
  Direction,
  Maturity,
  MetricKind,
  MetricStatus,
  Unit,
} from '../../domain/types';

export const KIND_LABEL: Record<MetricKind, string> = {
  'north-star': 'North Star',
  input: 'Input',
  counter: 'Counter',
  omtm: 'OMTM',
};

export const KIND_HELP: Record<MetricKind, string> = {
  'north-star': 'The one metric that captures the value customers get.',
  input: 'A lever a team owns that moves the metric above it.',
  counter: 'A guardrail that must not get worse while the North Star grows.',
  omtm: 'The one metric that matters for a team for the next few months.',
};

type Options<T extends string> = ReadonlyArray<{ value: T; label: string }>;

export const KIND_OPTIONS: Options<MetricKind> = [
  { value: 'north-star', label: 'North Star' },
  { value: 'input', label: 'Input metric' },
  { value: 'counter', label: 'Counter-metric (guardrail)' },
  { value: 'omtm', label: 'One metric that matters (OMTM)' },
];

export const UNIT_OPTIONS: Options<Unit> = [
  { value: 'count', label: 'Count' },
  { value: 'percent', label: 'Percent' },
  { value: 'currency', label: 'Currency' },
  { value: 'duration', label: 'Duration' },
  { value: 'ratio', label: 'Ratio' },
  { value: 'score', label: 'Score' },
];

export const DIRECTION_OPTIONS: Options<Direction> = [
  { value: 'up', label: 'Higher is better' },
  { value: 'down', label: 'Lower is better' },
];

export const CADENCE_OPTIONS: Options<Cadence | ''> = [
  { value: '', label: 'Not set' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'quarterly', label: 'Quarterly' },
];

export const AGGREGATION_OPTIONS: Options<Aggregation> = [
  { value: 'sum', label: 'Sum of the period' },
  { value: 'average', label: 'Average of the period' },
  { value: 'last', label: 'Last value of the period' },
  { value: 'min', label: 'Lowest of the period' },
  { value: 'max', label: 'Highest of the period' },
];

export const MATURITY_OPTIONS: Options<Maturity> = [
  { value: 'crawl', label: 'Crawl: basic counts' },
  { value: 'walk', label: 'Walk: deeper value' },
  { value: 'run', label: 'Run: composite health' },
];

export const STATUS_OPTIONS: Options<MetricStatus> = [
  { value: 'draft', label: 'Draft' },
  { value: 'active', label: 'Active' },
  { value: 'retired', label: 'Retired' },
];
