import type { WorkspaceTab } from '../../state/router.svelte';

/** One line of the help panel: the keys, and what they do. */
export interface HelpKey {
  keys: string;
  does: string;
}

/** Keys that work on every screen of a workspace. */
export const GLOBAL_KEYS: readonly HelpKey[] = [
  { keys: '/', does: 'Search metrics, plans, insights and people' },
  { keys: '↑ ↓ then Enter', does: 'In the search: choose a result and open it' },
  { keys: '?', does: 'Show this help' },
  { keys: 'Ctrl+Z', does: 'Undo (outside a text field)' },
  { keys: 'Ctrl+Shift+Z or Ctrl+Y', does: 'Redo' },
  { keys: 'Escape', does: 'Close a dialog or the search results' },
];

/** Keys of one screen, by tab; a tab not listed has only the keys above. */
export const SCREEN_KEYS: Partial<Record<WorkspaceTab, readonly HelpKey[]>> = {
  checkin: [
    { keys: 'Type, Tab', does: 'Enter a value, then move to its note' },
    { keys: 'Enter', does: 'Save the value and go to the next metric' },
  ],
  tree: [
    { keys: '↑ ↓, Home, End', does: 'Move between metrics' },
    { keys: '← →', does: 'Fold and unfold a branch' },
    { keys: 'Enter or F2', does: 'Edit the metric' },
    { keys: 'A', does: 'Add a metric below the selected one' },
    { keys: 'Shift+A', does: 'Add a metric beside the selected one' },
    { keys: 'Delete', does: 'Delete the metric (Undo brings it back)' },
    { keys: 'Alt+↑ ↓', does: 'Reorder among its siblings' },
    { keys: 'Alt+→ / Alt+←', does: 'Indent under the one above / outdent' },
    { keys: 'Space', does: 'Check the metric for a bulk edit of owner, cadence, status' },
  ],
  metric: [{ keys: 'Enter', does: 'In “Add a value”: save the value' }],
  insights: [{ keys: 'Ctrl+Enter', does: 'Save the insight being written' }],
  workshop: [
    { keys: 'Y, P, N', does: 'Score a criterion yes, partly or no' },
    { keys: '← →', does: 'Move between the answers of a criterion' },
  ],
};

/** The workspace tabs as the help panel's title names them. */
export const SCREEN_NAME: Record<WorkspaceTab, string> = {
  dashboard: 'Dashboard',
  checkin: 'Check-in',
  tree: 'Metric tree',
  customers: 'Customers',
  insights: 'Insights',
  experiments: 'Experiments',
  review: 'Review',
  workshop: 'Workshop',
  people: 'People',
  data: 'Data',
  share: 'Share',
  history: 'History',
  settings: 'Settings',
  metric: 'Metric',
  plan: 'Success plan',
  experiment: 'Experiment',
};
