import type * as Y from 'yjs';
import type { DocArea, Root } from './area';
import { DOC_AREAS } from './areas';

type RootsOf<A> = A extends DocArea<infer R> ? R : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
/** Every top-level map of the document, by name, with its shared type. */
type Roots = Intersection<RootsOf<(typeof DOC_AREAS)[number]>>;

/**
 * The workspace document and its top-level maps, one field per root that an area of
 * `DOC_AREAS` owns (docs/ARCHITECTURE.md, "The document").
 */
export type WorkspaceDoc = { readonly doc: Y.Doc } & { readonly [K in keyof Roots]: Roots[K] };

/** Every top-level map: its name, its shared type's words, and the area that owns it. */
export function rootsOf(ws: WorkspaceDoc): { name: string; type: Y.Map<unknown>; root: Root }[] {
  const out: { name: string; type: Y.Map<unknown>; root: Root }[] = [];
  const maps = ws as unknown as Record<string, Y.Map<unknown>>;
  for (const area of DOC_AREAS) {
    for (const [name, root] of Object.entries(area.roots as Record<string, Root>)) {
      const type = maps[name];
      if (type) out.push({ name, type, root });
    }
  }
  return out;
}

export function workspaceDoc(doc: Y.Doc): WorkspaceDoc {
  const ws: Record<string, unknown> = { doc };
  for (const area of DOC_AREAS) {
    for (const name of Object.keys(area.roots)) ws[name] = doc.getMap(name);
  }
  // Built from the list above, which is exactly what the type says.
  return ws as WorkspaceDoc;
}
