/** The History screen's words: why a version was saved, when, how big. */
import type { CheckpointReason } from '../../state/history.svelte';
import { formatDateTime } from '../common/dates';

export const REASON_WORDS: Record<CheckpointReason, string> = {
  open: 'When the workspace opened',
  edits: 'After a burst of changes',
  'before-import': 'Just before an import',
  'before-merge': 'Just before merging a sync file',
  'before-restore': 'Just before a restore',
};

export const when = (ms: number): string => formatDateTime(ms);

/** "1.2 MB", "340 KB". */
export function sizeWords(bytes: number): string {
  if (bytes >= 1_000_000)
    return `${(bytes / 1_000_000).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString()} KB`;
}
