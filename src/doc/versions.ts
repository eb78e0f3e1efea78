/**
 * What a saved version of the workspace holds, in numbers cheap enough to take at every save:
 * live records per top-level map (records in the trash and a peer's junk not counted; for
 * entries, the values),
 * and the difference between two such counts in words ("60 fewer metrics, 12 more entries").
 */
import * as Y from 'yjs';
import { slotOf } from './junk';
import { rootsOf, type WorkspaceDoc } from './schema';

export type RecordCounts = Record<string, number>;

/** Live records per top-level map of content (not the facts about copies). */
export function countRecords(ws: WorkspaceDoc): RecordCounts {
  const out: RecordCounts = {};
  for (const { name, type, root } of rootsOf(ws)) {
    if (root.keptOnRestore) continue;
    let n = 0;
    const marks = root.marks;
    type.forEach((value) => {
      if (marks && slotOf(value, marks) !== 'record') return; // a peer's junk is not content
      if (root.counting === 'inner-key') {
        if (value instanceof Y.Map) n += value.size;
      } else if (!root.trash) n++;
      else if (value instanceof Y.Map && typeof value.get('deletedAt') !== 'number') n++;
    });
    out[name] = n;
  }
  return out;
}

/** The total of live records (a measure of how much of the workspace a batch removed). */
export function totalRecords(counts: RecordCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** "60 fewer metrics, 12 more entries" in the order of the areas; "" when nothing differs. */
export function describeDifference(
  ws: WorkspaceDoc,
  before: RecordCounts,
  after: RecordCounts,
): string {
  const parts: string[] = [];
  for (const { name, root } of rootsOf(ws)) {
    const d = (after[name] ?? 0) - (before[name] ?? 0);
    if (d === 0) continue;
    const n = Math.abs(d);
    parts.push(
      `${n.toLocaleString()} ${d > 0 ? 'more' : 'fewer'} ${n === 1 ? root.one : root.many}`,
    );
  }
  return parts.join(', ');
}
