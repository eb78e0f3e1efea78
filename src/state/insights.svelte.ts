import { compareInsights, type Insight } from '../domain/insights';
import type { WorkspaceDoc } from '../doc/schema';
import type { DocWarning } from '../doc/warnings';
import * as insightsDoc from '../doc/insights';
import { RecordCache, changedKeys } from './recordCache';
import type { AreaContext, WorkspaceArea } from './area';

/** What customers said: insights, each read again only when a change touches it. */
export class InsightsArea implements WorkspaceArea {
  #list = $state.raw<Insight[]>([]);
  #warnings = $state.raw<DocWarning[]>([]);
  #cache: RecordCache<Insight> | null = null;
  #touched = new Set<string>();

  constructor(private readonly ctx: AreaContext) {}

  /** Live insights, newest first. */
  get list(): readonly Insight[] {
    return this.#list;
  }
  get warnings(): readonly DocWarning[] {
    return this.#warnings;
  }

  attach(ws: WorkspaceDoc): void {
    this.#cache = new RecordCache((id) => {
      const { insight, warnings, junk } = insightsDoc.readInsightById(ws, id);
      return { value: insight, warnings, junk };
    }, insightsDoc.insightsJunkWarnings);
    ws.insights.observeDeep((events) => changedKeys(events, this.#touched));
    this.#read([...ws.insights.keys()]);
  }

  flush(): void {
    if (this.#touched.size === 0) return;
    const touched = this.#touched;
    this.#touched = new Set();
    this.#read(touched);
  }

  #read(ids: Iterable<string>): void {
    if (!this.#cache) return;
    this.#cache.update(ids);
    this.#list = this.#cache.live().sort(compareInsights);
    this.#warnings = this.#cache.warnings();
  }

  /** Captures an insight, dated today unless given. */
  add = (fields: insightsDoc.InsightInput): string | null =>
    this.ctx.step((ws) => insightsDoc.addInsight(ws, fields, this.ctx.today));

  update = (id: string, patch: Partial<insightsDoc.InsightInput>) =>
    this.ctx.typing((ws) => insightsDoc.updateInsight(ws, id, patch));

  remove = (id: string) => this.ctx.step((ws) => insightsDoc.deleteInsight(ws, id));

  restore = (id: string) => this.ctx.step((ws) => insightsDoc.restoreInsight(ws, id));
}
