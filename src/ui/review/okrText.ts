/**
 * Next quarter's OKRs in words: a key result as a sentence, and the whole set as Markdown (for a
 * wiki page, an OKR tool's import box or an email).
 */
import type { KeyResult, Objective } from '../../domain/okrs';
import { formatValue, periodName } from '../common/format';
import { mdText } from './reviewMarkdown';

/** "Activation from 40 to 50", "Keep Churn at or below 3 %". */
export function keyResultSentence(kr: KeyResult): string {
  const to = formatValue(kr.to, kr.unit);
  if (kr.guardrail)
    return `Keep ${kr.name} at or ${kr.direction === 'up' ? 'above' : 'below'} ${to}`;
  return kr.from === null
    ? `${kr.name} to ${to}`
    : `${kr.name} from ${formatValue(kr.from, kr.unit)} to ${to}`;
}

export function okrMarkdown(
  workspaceName: string,
  quarter: string,
  objectives: readonly Objective[],
  ownerName: (personId: string | null) => string,
): string {
  const out = [`# OKRs for ${periodName(quarter)}: ${mdText(workspaceName)}`, ''];
  objectives.forEach((o, i) => {
    out.push(`## O${i + 1}. ${mdText(o.title)}`, '', `Owner: ${mdText(ownerName(o.ownerId))}`, '');
    if (o.keyResults.length === 0) out.push('_No key result yet: no target is set._');
    o.keyResults.forEach((kr, k) => {
      const other = kr.ownerId !== null && kr.ownerId !== o.ownerId;
      const owner = other ? ` (${mdText(ownerName(kr.ownerId))})` : '';
      out.push(`${k + 1}. ${mdText(keyResultSentence(kr))}${owner}`);
    });
    out.push('');
  });
  return out.join('\n');
}
