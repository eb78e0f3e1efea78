/**
 * The weekly or monthly report in words: each line as a sentence (the screen and the copied text
 * say the same), and the whole report as Markdown or as plain text for an email or a chat.
 */
import type { Insight } from '../../domain/insights';
import type {
  DueMilestone,
  DueValue,
  ExperimentChange,
  MovedLine,
  OffTrackLine,
  PeriodReport,
} from '../../domain/periodReport';
import { formatDayShort } from '../common/dates';
import { formatChange, formatValue, periodName } from '../common/format';
import { outcomeLabel } from '../experiments/learnings';
import { mdText } from './reviewMarkdown';

/** "Week 49, 2026 (Nov 30 – Dec 6)" or "Dec 2026" (en-US). */
export function reportTitle(report: Pick<PeriodReport, 'period' | 'grain' | 'start' | 'end'>) {
  const name = periodName(report.period);
  return report.grain === 'week'
    ? `${name} (${formatDayShort(report.start)} – ${formatDayShort(report.end)})`
    : name;
}

export function movedSentence(line: MovedLine, reportPeriod: string): string {
  const { metric, value, previous, change } = line;
  const own = line.period === reportPeriod ? '' : ` (${periodName(line.period)})`;
  const now = `${metric.name}${own}: ${formatValue(value, metric.unit)}`;
  if (previous === null) return `${now}, nothing the period before`;
  if (change === 0) return `${now}, no change`;
  const way = line.better ? 'better' : 'worse';
  return `${now}, ${formatChange(change, metric.unit)} from ${formatValue(previous, metric.unit)} (${way})`;
}

export function offTrackSentence(line: OffTrackLine): string {
  const { metric, value, expected } = line;
  const v = formatValue(value, metric.unit);
  if (line.status === 'breached') {
    return `${metric.name} (a counter-metric) is at ${v}, worse than its ${formatValue(expected, metric.unit)} by more than its tolerance`;
  }
  const state = line.status === 'off-track' ? 'off track' : 'at risk';
  return `${metric.name} is ${state}: ${v} against a pace of ${formatValue(expected, metric.unit)}`;
}

/** "Sessions: no value for 25 Nov, 26 Nov; 3 Dec not logged yet". */
export function dueValueSentence(due: DueValue): string {
  const late = due.running ? due.periods.slice(0, -1) : due.periods;
  const names = late.map((p) => periodName(p));
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
  const parts: string[] = [];
  if (shown.length > 0) parts.push(`no value for ${shown.join(', ')}`);
  if (due.running) parts.push(`${periodName(due.periods.at(-1) ?? '')} not logged yet`);
  return `${due.metric.name}: ${parts.join('; ')}`;
}

export function milestoneSentence(due: DueMilestone): string {
  return `“${due.milestone.title}” of ${due.experiment.title}, due ${formatDayShort(due.milestone.deadline ?? '')}`;
}

export function startedSentence(change: ExperimentChange): string {
  return `${change.experiment.title}: started running ${formatDayShort(change.at)}`;
}

export function endedSentence(change: ExperimentChange): string {
  const e = change.experiment;
  const how = e.status === 'dropped' ? 'dropped' : 'done';
  return `${e.title}: ${how} ${formatDayShort(change.at)}, ${outcomeLabel(e).toLowerCase()}`;
}

export function insightSentence(insight: Insight): string {
  const who = insight.customer ? ` (${insight.customer})` : '';
  const tags = insight.tags.length ? ` [${insight.tags.join(', ')}]` : '';
  return `“${insight.text}”${who}, ${formatDayShort(insight.date)}${tags}`;
}

/** The report's sections in order, each with its sentences (empty ones say so). */
export function reportSections(report: PeriodReport): { title: string; lines: string[] }[] {
  return [
    { title: 'What moved', lines: report.moved.map((m) => movedSentence(m, report.period)) },
    { title: 'Off track', lines: report.offTrack.map(offTrackSentence) },
    {
      title: 'Due',
      lines: [
        ...report.dueValues.map(dueValueSentence),
        ...report.dueMilestones.map(milestoneSentence),
      ],
    },
    { title: 'New insights', lines: report.insights.map(insightSentence) },
    {
      title: 'Experiments',
      lines: [...report.started.map(startedSentence), ...report.ended.map(endedSentence)],
    },
  ];
}

/** The whole report as Markdown or plain text. */
export function reportText(
  report: PeriodReport,
  workspaceName: string,
  format: 'markdown' | 'plain',
): string {
  const md = format === 'markdown';
  const heading = `${report.grain === 'week' ? 'Weekly' : 'Monthly'} report, ${reportTitle(report)}: ${workspaceName}`;
  const out = [md ? `# ${mdText(heading)}` : heading, ''];
  for (const section of reportSections(report)) {
    out.push(md ? `## ${section.title}` : section.title.toUpperCase());
    if (section.lines.length === 0) out.push(md ? '_Nothing._' : 'Nothing.');
    for (const line of section.lines) out.push(md ? `- ${mdText(line)}` : `- ${oneLine(line)}`);
    out.push('');
  }
  return out.join('\n');
}

const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
