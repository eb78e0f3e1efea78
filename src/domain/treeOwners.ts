/**
 * Who owns what, for the tree's first run: which metrics a team is expected to give an owner
 * (the active North Stars and inputs, as the tree health asks), and the names of a team typed
 * in one line ("Ana, Ben and Cyd").
 */
import type { Metric, TreeNode } from './types';
import { MAX_NAME } from './validate';

/** Whether the tree health asks this metric for an owner: an active North Star or input. */
export function wantsOwner(m: Metric): boolean {
  return m.status !== 'retired' && (m.kind === 'north-star' || m.kind === 'input');
}

/** The metrics, in tree order, that want an owner and have none. */
export function ownerless(rows: readonly TreeNode[]): Metric[] {
  return rows.map((n) => n.metric).filter((m) => wantsOwner(m) && m.ownerId === null);
}

export type TeamNames = { names: string[]; error: null } | { names: []; error: string };

/**
 * Names typed in one field: separated by commas, semicolons, new lines or a last " and ";
 * trimmed, blanks dropped, a name given twice (ignoring case) kept once, and names already in
 * `known` (ignoring case) left out. An error for the user when nothing new is left or a name is
 * too long.
 */
export function parseTeamNames(text: string, known: readonly string[] = []): TeamNames {
  const seen = new Set(known.map((n) => n.trim().toLowerCase()));
  const names: string[] = [];
  for (const part of text.split(/[,;\n]|\s+and\s+/i)) {
    const name = part.trim();
    if (name === '') continue;
    if (name.length > MAX_NAME) {
      return { names: [], error: `Keep each name under ${MAX_NAME} characters.` };
    }
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  if (names.length === 0) {
    return {
      names: [],
      error:
        text.trim() === ''
          ? 'Type at least one name, e.g. Ana, Ben, Cyd.'
          : 'Everyone named is already on the team.',
    };
  }
  return { names, error: null };
}
