import { reviewRows, type ReviewRow } from '../domain/review';
import { carriedDecisions, type Review, type ReviewItem } from '../domain/reviewRecord';
import type { WorkspaceDoc } from '../doc/schema';
import type { DocWarning } from '../doc/warnings';
import * as reviewsDoc from '../doc/reviews';
import type { AreaContext, WorkspaceArea } from './area';
import type { TreeArea } from './tree.svelte';
import type { Tracking } from './tracking.svelte';
import type { BriefsArea } from './briefs.svelte';

/**
 * Quarterly reviews: the stored reviews and their lines, and a quarter's figures drafted from
 * the tree and the tracked values (frozen ones come from the review once it is closed). Both
 * maps are small, so a touched map is read whole.
 */
export class ReviewsArea implements WorkspaceArea {
  #reviews = $state.raw<Review[]>([]);
  #items = $state.raw<ReviewItem[]>([]);
  #warnings = $state.raw<DocWarning[]>([]);
  #dirty = { reviews: false, items: false };
  #parts: { reviews: DocWarning[]; items: DocWarning[] } = { reviews: [], items: [] };

  constructor(
    private readonly ctx: AreaContext,
    private readonly tree: TreeArea,
    private readonly tracking: Tracking,
    private readonly briefs: BriefsArea,
  ) {}

  /** Stored reviews, newest quarter first. */
  get reviews(): readonly Review[] {
    return this.#reviews;
  }
  /** Live review lines, oldest first. */
  get items(): readonly ReviewItem[] {
    return this.#items;
  }
  get warnings(): readonly DocWarning[] {
    return this.#warnings;
  }

  byQuarter = $derived(new Map(this.#reviews.map((r) => [r.quarter, r])));

  /** The quarter's figures from today's data (what a draft shows; a closed one shows its frozen rows). */
  draftRows(quarter: string): ReviewRow[] {
    const summaries = this.tracking.summaries;
    return reviewRows(
      this.tree.built,
      (id) => summaries.get(id)?.points ?? [],
      quarter,
      this.tracking.series,
    );
  }

  /** The lines of a quarter, and the open decisions carried in from earlier quarters. */
  linesOf(quarter: string): { own: ReviewItem[]; carried: ReviewItem[] } {
    return {
      own: this.#items.filter((i) => i.quarter === quarter),
      carried: carriedDecisions(this.#items, quarter),
    };
  }

  attach(ws: WorkspaceDoc): void {
    ws.reviews.observe(() => (this.#dirty.reviews = true));
    ws.reviewItems.observeDeep(() => (this.#dirty.items = true));
    this.#readReviews(ws);
    this.#readItems(ws);
    this.#join();
  }

  flush(ws: WorkspaceDoc): void {
    if (!this.#dirty.reviews && !this.#dirty.items) return;
    if (this.#dirty.reviews) this.#readReviews(ws);
    if (this.#dirty.items) this.#readItems(ws);
    this.#join();
  }

  #readReviews(ws: WorkspaceDoc): void {
    this.#dirty.reviews = false;
    const { reviews, warnings } = reviewsDoc.readReviews(ws);
    this.#reviews = reviews;
    this.#parts.reviews = warnings;
  }

  #readItems(ws: WorkspaceDoc): void {
    this.#dirty.items = false;
    const { items, warnings } = reviewsDoc.readReviewItems(ws);
    this.#items = items;
    this.#parts.items = warnings;
  }

  #join(): void {
    this.#warnings = [...this.#parts.reviews, ...this.#parts.items];
  }

  // ——— actions (docs/ARCHITECTURE.md, "The action contract") ———

  setNextTarget = (quarter: string, metricId: string, value: number | null) =>
    this.ctx.typing((ws) => reviewsDoc.setNextTarget(ws, quarter, metricId, value));

  /**
   * Freezes today's figures of the quarter and the owners' briefs, and writes next quarter's
   * targets into the metrics.
   */
  close = (quarter: string, nextTargets: Readonly<Record<string, number>>) => {
    const rows = this.draftRows(quarter);
    const briefs = this.briefs.list;
    return this.ctx.step((ws) =>
      reviewsDoc.closeReview(ws, quarter, rows, nextTargets, this.ctx.meId, Date.now(), briefs),
    );
  };

  reopen = (quarter: string) =>
    this.ctx.step((ws) => reviewsDoc.reopenReview(ws, quarter, this.ctx.meId));

  sign = (quarter: string, personId: string, name: string) =>
    this.ctx.step((ws) => reviewsDoc.signReview(ws, quarter, personId, name));

  addLine = (quarter: string, draft: reviewsDoc.ReviewItemDraft) =>
    this.ctx.step((ws) => reviewsDoc.addReviewItem(ws, quarter, draft));

  updateLine = (id: string, patch: { text?: string; ownerId?: string | null }) =>
    this.ctx.typing((ws) => reviewsDoc.updateReviewItem(ws, id, patch));

  /** Links a line to one metric or one experiment (a choice: its own undo step), or to none. */
  linkLine = (id: string, to: { metricId: string } | { experimentId: string } | null) =>
    this.ctx.step((ws) =>
      reviewsDoc.updateReviewItem(
        ws,
        id,
        to === null ? { metricId: null, experimentId: null } : to,
      ),
    );

  setDecisionDone = (id: string, done: boolean) =>
    this.ctx.step((ws) => reviewsDoc.setDecisionDone(ws, id, done, this.ctx.today));

  removeLine = (id: string) => this.ctx.step((ws) => reviewsDoc.deleteReviewItem(ws, id));

  restoreLine = (id: string) => this.ctx.step((ws) => reviewsDoc.restoreReviewItem(ws, id));
}
