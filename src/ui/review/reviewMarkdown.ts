/**
 * A quarter's review as Markdown (to paste into a wiki or a chat) and its numbers as CSV rows
 * (for `toCsv`, which guards cells against spreadsheet formulas). Pure: everything it prints
 * comes in as plain values, dates already in the reader's words.
 */
import { nextPeriod } from '../../domain/periods';
import type { ReviewRow } from '../../domain/review';
import {
  REVIEW_ITEM_LABELS,
  type ReviewItem,
  type ReviewItemKind,
} from '../../domain/reviewRecord';
import { formatValue, periodName } from '../common/format';
import { REVIEW_STATUS_WORDS, type Fact, type TopBlocker, type TopTag } from './reviewData';

export interface ReviewMarkdownInput {
  workspaceName: string;
  quarter: string;
  status: 'draft' | 'closed';
  /** "Closed 3 Jan 2027, 10:04 by Ann Lee", or null for a draft. */
  closedLine: string | null;
  rows: readonly ReviewRow[];
  ownerName: (personId: string | null) => string;
  /** Sentences of what moved since the close. */
  moved: readonly string[];
  facts: readonly Fact[];
  /** The quarter's own lines (wins, misses, SWOT, decisions). */
  lines: readonly ReviewItem[];
  carried: readonly ReviewItem[];
  experiments: readonly { title: string; outcome: string; learning: string }[];
  reachedNsm: readonly string[];
  stuck: readonly string[];
  tags: readonly TopTag[];
  blockers: readonly TopBlocker[];
  /** Next quarter's targets, by metric name, formatted. */
  nextTargets: readonly { name: string; value: string }[];
  signatures: readonly { name: string; at: string }[];
}

/** Text that reads as itself in Markdown: one line, its markup characters escaped. */
export function mdText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, '\\$&')
    .trim();
}

const percent = (v: number | null): string =>
  v === null ? '–' : formatValue(Math.round(v), 'percent');

function bullets(out: string[], items: readonly string[], empty: string): void {
  if (items.length === 0) out.push(`_${empty}_`);
  else for (const i of items) out.push(`- ${i}`);
  out.push('');
}

const SWOT: readonly ReviewItemKind[] = ['strength', 'weakness', 'opportunity', 'threat'];

export function reviewMarkdown(input: ReviewMarkdownInput): string {
  const out: string[] = [];
  const label = periodName(input.quarter);
  out.push(`# Review of ${label}`, '');
  out.push(
    `${mdText(input.workspaceName)} · ${input.status === 'closed' ? 'Closed' : 'Draft'}${
      input.closedLine ? ` · ${mdText(input.closedLine)}` : ''
    }`,
    '',
  );

  out.push('## The numbers', '');
  if (input.rows.length === 0) out.push('_No metrics in the tree._', '');
  else {
    out.push('| Metric | Owner | Start | Target | Actual | Attainment | Status |');
    out.push('| --- | --- | ---: | ---: | ---: | ---: | --- |');
    for (const r of input.rows) {
      const indent = '\u00a0\u00a0'.repeat(r.depth);
      out.push(
        `| ${indent}${mdText(r.name)} | ${mdText(input.ownerName(r.ownerId))} | ${formatValue(r.start, r.unit)} | ${formatValue(r.target, r.unit)} | ${formatValue(r.actual, r.unit)} | ${percent(r.attainment)} | ${REVIEW_STATUS_WORDS[r.status]} |`,
      );
    }
    out.push('');
  }
  if (input.moved.length > 0) {
    out.push('**Moved since it closed:**', '');
    bullets(out, input.moved.map(mdText), '');
  }

  const own = (kind: ReviewItemKind): string[] =>
    input.lines.filter((l) => l.kind === kind).map((l) => mdText(l.text));

  out.push('## Wins and misses', '');
  out.push('### Wins', '');
  bullets(
    out,
    [...input.facts.filter((f) => f.kind === 'win').map((f) => mdText(f.text)), ...own('win')],
    'None noted.',
  );
  out.push('### Misses', '');
  bullets(
    out,
    [...input.facts.filter((f) => f.kind === 'miss').map((f) => mdText(f.text)), ...own('miss')],
    'None noted.',
  );

  out.push('## Experiments', '');
  bullets(
    out,
    input.experiments.map(
      (e) =>
        `**${mdText(e.title)}**: ${mdText(e.outcome)}${e.learning.trim() ? `. ${mdText(e.learning)}` : ''}`,
    ),
    'No experiment ran in this quarter.',
  );

  out.push('## Customers', '');
  out.push('Reached the NSM moment:', '');
  bullets(out, input.reachedNsm.map(mdText), 'Nobody reached it in this quarter.');
  if (input.stuck.length > 0) {
    out.push('Stuck now:', '');
    bullets(out, input.stuck.map(mdText), '');
  }

  out.push('## Insights', '');
  bullets(
    out,
    input.tags.map(
      (t) =>
        `**${mdText(t.tag)}** (${t.count.toLocaleString()})${t.quote ? `: “${mdText(t.quote.text)}”` : ''}`,
    ),
    'No insights were captured in this quarter.',
  );
  if (input.blockers.length > 0) {
    out.push('Where customers got stuck:', '');
    bullets(
      out,
      input.blockers.map(
        (b) =>
          `**${mdText(b.step)}** (${b.count.toLocaleString()})${b.quote ? `: “${mdText(b.quote.text)}”` : ''}`,
      ),
      '',
    );
  }

  out.push('## SWOT', '');
  for (const kind of SWOT) {
    out.push(`### ${REVIEW_ITEM_LABELS[kind]}`, '');
    bullets(out, own(kind), 'None.');
  }

  out.push('## Decisions', '');
  const decision = (d: ReviewItem): string => {
    const owner = d.ownerId === null ? '' : ` (${mdText(input.ownerName(d.ownerId))})`;
    return `[${d.done ? 'x' : ' '}] ${mdText(d.text)}${owner}`;
  };
  bullets(out, input.lines.filter((l) => l.kind === 'decision').map(decision), 'None.');
  if (input.carried.length > 0) {
    out.push('Carried from earlier quarters:', '');
    bullets(
      out,
      input.carried.map((d) => `${decision(d)}, from ${periodName(d.quarter)}`),
      '',
    );
  }

  out.push(`## Targets for ${periodName(nextPeriod(input.quarter))}`, '');
  bullets(
    out,
    input.nextTargets.map((t) => `${mdText(t.name)}: ${t.value}`),
    'No targets set.',
  );

  if (input.signatures.length > 0) {
    out.push('## Signed', '');
    bullets(
      out,
      input.signatures.map((s) => `${mdText(s.name)}, ${mdText(s.at)}`),
      '',
    );
  }
  while (out.at(-1) === '') out.pop();
  return out.join('\n') + '\n';
}

export const REVIEW_CSV_HEADER = [
  'Metric',
  'Depth',
  'Kind',
  'Owner',
  'Unit',
  'Start',
  'Target',
  'Actual',
  'Attainment %',
  'Status',
] as const;

/** The numbers as rows for `toCsv`: a header, then one row per metric (numbers unformatted). */
export function reviewCsvRows(
  rows: readonly ReviewRow[],
  ownerName: (personId: string | null) => string,
): (string | number | null)[][] {
  return [
    [...REVIEW_CSV_HEADER],
    ...rows.map((r) => [
      r.name,
      r.depth,
      r.kind,
      r.ownerId === null ? '' : ownerName(r.ownerId),
      r.unit,
      r.start,
      r.target,
      r.actual,
      r.attainment === null ? null : Math.round(r.attainment * 10) / 10,
      REVIEW_STATUS_WORDS[r.status],
    ]),
  ];
}
