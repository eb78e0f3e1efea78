/**
 * Each metric owner's living documents: a strategy brief, a roadmap note and a playbook. They
 * live on between quarters as co-edited text; a quarterly review shows, per owner, which were
 * updated during the quarter, and keeps the version of each at close.
 */
export const BRIEF_KINDS = ['strategy', 'roadmap', 'playbook'] as const;
export type BriefKind = (typeof BRIEF_KINDS)[number];

export const BRIEF_LABELS: Record<BriefKind, string> = {
  strategy: 'Strategy brief',
  roadmap: 'Roadmap note',
  playbook: 'Playbook',
};

export interface Brief {
  personId: string;
  kind: BriefKind;
  text: string;
  /** The last day it was edited here or by a teammate (a date), or null if never. */
  updatedAt: string | null;
}

/** Whether a brief was updated during a quarter (its dates from periodStart/periodEnd). */
export function updatedIn(brief: Brief | undefined, start: string, end: string): boolean {
  return brief?.updatedAt != null && brief.updatedAt >= start && brief.updatedAt <= end;
}
