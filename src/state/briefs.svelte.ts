import type * as Y from 'yjs';
import type { Brief, BriefKind } from '../domain/briefs';
import type { WorkspaceDoc } from '../doc/schema';
import type { DocWarning } from '../doc/warnings';
import * as briefsDoc from '../doc/briefs';
import type { AreaContext, WorkspaceArea } from './area';

/**
 * Owners' briefs: re-read when their dates change or any of their texts does (each text is a
 * top-level Y.Text, observed once it is known).
 */
export class BriefsArea implements WorkspaceArea {
  #list = $state.raw<Brief[]>([]);
  #warnings = $state.raw<DocWarning[]>([]);
  #dirty = false;
  #watched = new Set<string>();

  constructor(private readonly ctx: AreaContext) {}

  get list(): readonly Brief[] {
    return this.#list;
  }
  get warnings(): readonly DocWarning[] {
    return this.#warnings;
  }

  byKey = $derived(new Map(this.#list.map((b) => [`${b.personId}|${b.kind}`, b])));

  /** The brief of a person (an empty one when never written). */
  of(personId: string, kind: BriefKind): Brief {
    return this.byKey.get(`${personId}|${kind}`) ?? { personId, kind, text: '', updatedAt: null };
  }

  attach(ws: WorkspaceDoc): void {
    ws.briefs.observe(() => (this.#dirty = true));
    this.#read(ws);
  }

  flush(ws: WorkspaceDoc): void {
    if (this.#dirty) this.#read(ws);
  }

  #read(ws: WorkspaceDoc): void {
    this.#dirty = false;
    const { briefs, warnings } = briefsDoc.readBriefs(ws);
    this.#list = briefs;
    this.#warnings = warnings;
    for (const b of briefs) this.#watch(ws, b.personId, b.kind);
  }

  /** Notes edits to a brief's text (a teammate typing on the same day changes no date). */
  #watch(ws: WorkspaceDoc, personId: string, kind: BriefKind): void {
    const name = `brief:${personId}:${kind}`;
    if (this.#watched.has(name)) return;
    this.#watched.add(name);
    const t: Y.Text = ws.doc.getText(name);
    t.observe(() => (this.#dirty = true));
  }

  /** Edits a brief as typed; one Undo removes a burst of typing. */
  edit = (personId: string, kind: BriefKind, text: string) =>
    this.ctx.typing((ws) => briefsDoc.editBrief(ws, personId, kind, text, this.ctx.today));
}
