/**
 * The measures of the plan screens' browser benchmark (plans-browser.ts), each a section of
 * bench-results/plans-browser.json: the customers list (cold open, filters, sorts, the switch to
 * the board), the insights screen (cold open, the period), the dashboard's "Customers needing
 * attention" (cold open) and the board (cold open, the owner filter, moving a plan). What the
 * screens should show comes from `expectations`, computed in Node with the app's domain code.
 */
import type { Page } from 'playwright-core';
import { readInsights } from '../../src/doc/insights';
import { readJourney } from '../../src/doc/journey';
import { readPlans } from '../../src/doc/plans';
import { insightRange } from '../../src/domain/insightRanges';
import { synthesizeInsights } from '../../src/domain/insights';
import {
  filterPlans,
  needsAttention,
  planBoard,
  sortPlans,
  viewPlans,
  type PlanView,
} from '../../src/domain/planViews';
import type { Section } from './pages';
import type { BuiltPlans } from './plans';
import {
  CLICK,
  coldSeries,
  interactionSection,
  profiled,
  SELECT,
  selectLabelled,
  settled,
  snapshot,
  timed,
  waitFor,
  type PlansCtx,
  type Sample,
} from './plans-pages';
import { OWNER_NAMES } from './plans-words';

/** Measured samples per interaction. */
export const REPS = 10;
/** The segment the list is filtered by (after Status = Stuck). */
const SEGMENT = 'Mid-market';
/** The owner the board is filtered by (an index into OWNER_NAMES). */
const OWNER = 2;
/** The board column a plan is moved from (to the next one, and back). */
const MOVE_FROM = 1;

/** What the screens should show, computed in Node with the app's domain code (for checks). */
export function expectations(built: BuiltPlans): Record<string, string> {
  const { plans } = readPlans(built.ws);
  const { journey } = readJourney(built.ws);
  const { insights } = readInsights(built.ws);
  const views = viewPlans(plans, journey, built.today);
  const n = views.length;
  const of = (vs: readonly PlanView[]): string => `${vs.length} of ${n} plans`;
  const counts = (vs: readonly PlanView[]): string =>
    planBoard(sortPlans(vs, 'status'), journey)
      .columns.map((c) => String(c.plans.length))
      .join(',');
  const owner = built.ownerIds[OWNER] ?? null;
  const total = (period: 'last-90' | 'all'): number =>
    synthesizeInsights(insights, insightRange(period, built.today), journey).total;
  return {
    list: `${n} plans`,
    stuck: of(filterPlans(views, { status: 'stuck' })),
    stuckInSegment: of(filterPlans(views, { status: 'stuck', segment: SEGMENT })),
    firstByStatus: sortPlans(views, 'status')[0]?.plan.customer ?? '',
    firstByCustomer: sortPlans(views, 'customer')[0]?.plan.customer ?? '',
    boardCounts: counts(views),
    boardCountsForOwner: counts(filterPlans(views, { ownerId: owner })),
    insightsLast90: `${total('last-90')} insight`,
    insightsAll: `${total('all')} insight`,
    attention: `Customers needing attention (${needsAttention(views).length})`,
  };
}

/** Cold opens of the customers list; the last page stays open. */
export const listColdOpen = (ctx: PlansCtx): Promise<{ result: Section; page: Page }> =>
  coldSeries(
    ctx,
    'new page → #/w/<id>/customers; ms since navigation start until the frame showing "1000 plans" and the first table row has been rendered (a task after its animation frame)',
    `${ctx.base}/customers`,
    'listReady',
  );

/** On the list page `lp`: filter by status and segment, clear, sort by customer and back. */
export async function measureListFilters(
  ctx: PlansCtx,
  lp: Page,
): Promise<Record<string, Section>> {
  const { expected, check } = ctx;
  const status = selectLabelled(lp, 'Status');
  const segment = selectLabelled(lp, 'Segment');
  const sortBy = selectLabelled(lp, 'Sort by');
  const clear = lp.getByRole('button', { name: 'Clear filters' });
  await waitFor(lp, 'listReady');
  check('list count', expected['list'] as string, (await snapshot(lp)).count);
  check('first row by status', expected['firstByStatus'] as string, (await snapshot(lp)).firstRow);
  const s = { status: [] as Sample[], segment: [] as Sample[], clear: [] as Sample[] };
  const sort = { customer: [] as Sample[], back: [] as Sample[] };
  const rows = async (): Promise<string> => (await snapshot(lp)).firstRow;
  for (let i = 0; i < REPS; i++) {
    let before = (await snapshot(lp)).count;
    s.status.push(await timed(lp, SELECT, 'countNot', before, () => status.selectOption('stuck')));
    before = (await snapshot(lp)).count;
    if (i === 0) check('Status = Stuck', expected['stuck'] as string, before);
    s.segment.push(
      await timed(lp, SELECT, 'countNot', before, () => segment.selectOption(SEGMENT)),
    );
    if (i === 0)
      check(
        `Status = Stuck, Segment = ${SEGMENT}`,
        expected['stuckInSegment'] as string,
        (await snapshot(lp)).count,
      );
    s.clear.push(
      await timed(lp, CLICK, 'countIs', expected['list'] as string, () => clear.click()),
    );
    sort.customer.push(
      await timed(lp, SELECT, 'firstRowNot', await rows(), () => sortBy.selectOption('customer')),
    );
    if (i === 0) check('Sort by = Customer', expected['firstByCustomer'] as string, await rows());
    sort.back.push(
      await timed(lp, SELECT, 'firstRowNot', await rows(), () => sortBy.selectOption('status')),
    );
  }
  const statusProfile = await profiled(ctx, lp, async () =>
    timed(lp, SELECT, 'countNot', (await snapshot(lp)).count, () => status.selectOption('stuck')),
  );
  await timed(lp, CLICK, 'countIs', expected['list'] as string, () => clear.click());
  const sortProfile = await profiled(ctx, lp, async () =>
    timed(lp, SELECT, 'firstRowNot', await rows(), () => sortBy.selectOption('customer')),
  );
  await timed(lp, SELECT, 'firstRowNot', await rows(), () => sortBy.selectOption('status'));
  return {
    filterStatus: interactionSection(
      'list, no filter, sorted by status → select Status = Stuck (Playwright selectOption) until the count text changes ("N of 1000 plans"); from the input event to the rendered frame. With more than 200 stuck plans the 200 rows drawn stay the same (stuck sorts first): mostly the count changes',
      s.status,
      { profile: statusProfile },
    ),
    filterSegment: interactionSection(
      `list filtered by Status = Stuck → select Segment = ${SEGMENT} until the count text changes`,
      s.segment,
    ),
    clearFilters: interactionSection(
      'click "Clear filters" until the count reads "1000 plans" again (200 rows drawn)',
      s.clear,
    ),
    sortByCustomer: interactionSection(
      'no filter, sorted by status → select Sort by = Customer until the first row changes',
      sort.customer,
      { profile: sortProfile },
    ),
    sortBackToStatus: interactionSection(
      'sorted by customer → Sort by = Status (most urgent) until the first row changes',
      sort.back,
    ),
  };
}

/** The board from the list page `lp`, in the app (a click on the "Board" view), and back. */
export async function measureListToBoard(ctx: PlansCtx, lp: Page): Promise<Section> {
  const views = lp.getByRole('navigation', { name: 'Customer views' });
  const toBoard: Sample[] = [];
  const toList: Sample[] = [];
  for (let i = 0; i < REPS; i++) {
    toBoard.push(
      await timed(lp, CLICK, 'boardReady', '', () =>
        views.getByRole('link', { name: 'Board', exact: true }).click(),
      ),
    );
    toList.push(
      await timed(lp, CLICK, 'listReady', '', () =>
        views.getByRole('link', { name: 'List', exact: true }).click(),
      ),
    );
  }
  const profile = await profiled(ctx, lp, () =>
    timed(lp, CLICK, 'boardReady', '', () =>
      views.getByRole('link', { name: 'Board', exact: true }).click(),
    ),
  );
  await timed(lp, CLICK, 'listReady', '', () =>
    views.getByRole('link', { name: 'List', exact: true }).click(),
  );
  return interactionSection(
    'in the app: click the "Board" view link on the list until the board\'s columns are drawn with cards (40 per column) and the list is gone',
    toBoard,
    {
      profile,
      backToList: interactionSection(
        'click the "List" view link on the board until "1000 plans" and the first row show',
        toList,
      ),
    },
  );
}

/** Insights: cold opens (into `out.coldOpen`), then the period (`out.periodAllTime`). */
export async function measureInsights(
  ctx: PlansCtx,
  out: Record<string, Section>,
): Promise<Record<string, Section>> {
  const { expected, check } = ctx;
  const r = await coldSeries(
    ctx,
    'new page → #/w/<id>/insights; from navigation start until the synthesis (its total and the top challenges) has been rendered',
    `${ctx.base}/insights`,
    'insightsReady',
  );
  out['coldOpen'] = r.result;
  const page = r.page;
  const period = page.getByLabel('Period', { exact: true });
  const total = async (): Promise<string> => (await snapshot(page)).total;
  check('insights, last 90 days', expected['insightsLast90'] as string, await total(), true);
  const all: Sample[] = [];
  const back: Sample[] = [];
  for (let i = 0; i < REPS; i++) {
    all.push(
      await timed(page, SELECT, 'totalNot', await total(), () => period.selectOption('all')),
    );
    if (i === 0)
      check('insights, all time', expected['insightsAll'] as string, await total(), true);
    back.push(
      await timed(page, SELECT, 'totalNot', await total(), () => period.selectOption('last-90')),
    );
  }
  const profile = await profiled(ctx, page, async () =>
    timed(page, SELECT, 'totalNot', await total(), () => period.selectOption('all')),
  );
  out['periodAllTime'] = interactionSection(
    'insights, "Last 90 days" → select Period = All time until the total changes (synthesis of 5,000 insights drawn)',
    all,
    {
      profile,
      backToLast90: interactionSection('All time → Last 90 days, until the total changes', back),
    },
  );
  await page.close();
  return out;
}

/** Cold opens of the dashboard until "Customers needing attention (N)" shows. */
export async function measureDashboard(ctx: PlansCtx): Promise<Section> {
  const r = await coldSeries(
    ctx,
    'new page → #/w/<id> (dashboard; this workspace has no metrics) until "Customers needing attention (N)" with its first plans has been rendered',
    ctx.base,
    'attentionReady',
  );
  ctx.check('dashboard', ctx.expected['attention'] as string, (await snapshot(r.page)).attention);
  await r.page.close();
  return r.result;
}

/**
 * The board: cold opens (`out.coldOpen`), the owner filter (`out.filterByOwner`), then moving a
 * plan (`out.movePlan`; last: it writes). `ownerIds` as in BuiltPlans.
 */
export async function measureBoard(
  ctx: PlansCtx,
  out: Record<string, Section>,
  ownerIds: readonly string[],
): Promise<Record<string, Section>> {
  const { expected, check } = ctx;
  const r = await coldSeries(
    ctx,
    'new page → #/w/<id>/customers/board; from navigation start until the 6 columns are drawn with their cards (40 per column at first) and rendered',
    `${ctx.base}/customers/board`,
    'boardReady',
  );
  out['coldOpen'] = r.result;
  const page = r.page;
  const owner = selectLabelled(page, 'Owner');
  const clear = page.getByRole('button', { name: 'Clear filters' });
  const counts = async (): Promise<string> => (await snapshot(page)).boardCounts;
  const ownerId = ownerIds[OWNER] as string;
  check('board column counts', expected['boardCounts'] as string, await counts());
  const filter: Sample[] = [];
  const unfilter: Sample[] = [];
  for (let i = 0; i < REPS; i++) {
    filter.push(
      await timed(page, SELECT, 'boardCountsNot', await counts(), () =>
        owner.selectOption(ownerId),
      ),
    );
    if (i === 0)
      check(
        `board, Owner = ${OWNER_NAMES[OWNER]}`,
        expected['boardCountsForOwner'] as string,
        await counts(),
      );
    unfilter.push(await timed(page, CLICK, 'boardCountsNot', await counts(), () => clear.click()));
  }
  const filterProfile = await profiled(ctx, page, async () =>
    timed(page, SELECT, 'boardCountsNot', await counts(), () => owner.selectOption(ownerId)),
  );
  await timed(page, CLICK, 'boardCountsNot', await counts(), () => clear.click());
  out['filterByOwner'] = interactionSection(
    `board, no filter → select Owner = ${OWNER_NAMES[OWNER]} until the column counts change`,
    filter,
    {
      profile: filterProfile,
      clearFilters: interactionSection(
        'click "Clear filters" on the board until the column counts change back',
        unfilter,
      ),
    },
  );
  out['movePlan'] = await measureMove(ctx, page);
  await page.close();
  return out;
}

/** On the board `page`: a plan to the next step with Alt+→ and back with Alt+←. */
async function measureMove(ctx: PlansCtx, page: Page): Promise<Section> {
  // Both columns shown in full ("Show all"), so the card shows wherever its status puts it in
  // the next column.
  const columns = page.locator('.board section.column');
  for (const position of [MOVE_FROM, MOVE_FROM + 1]) {
    const more = columns.nth(position).getByRole('button', { name: /^Show all/ });
    if ((await more.count()) > 0) await more.click();
  }
  const card = await page.evaluate((p) => window.__plans.firstCard(p), MOVE_FROM);
  if (!card) throw new Error(`no card in column ${MOVE_FROM}`);
  const link = page.locator(`[id="card-${card.id}"]`);
  const drawn = await page.locator('.board li.plan').count();
  const move = async (key: 'ArrowRight' | 'ArrowLeft', to: number): Promise<Sample> => {
    await link.focus();
    const sample = await timed(page, { type: 'keydown', key }, 'cardIn', `${card.id}|${to}`, () =>
      page.keyboard.press(`Alt+${key}`),
    );
    await settled(page);
    return sample;
  };
  await settled(page);
  const moves: Sample[] = [];
  for (let i = 0; i < REPS; i++) {
    moves.push(await move('ArrowRight', MOVE_FROM + 1));
    moves.push(await move('ArrowLeft', MOVE_FROM));
  }
  const moveProfile = await profiled(ctx, page, () => move('ArrowRight', MOVE_FROM + 1));
  await move('ArrowLeft', MOVE_FROM);
  const steps = (await snapshot(page)).columns.map((c) => c.replace(/\s*★?\s*\d+$/, ''));
  return interactionSection(
    `board, no filter, columns "${steps[MOVE_FROM] ?? ''}" and "${steps[MOVE_FROM + 1] ?? ''}" shown in full (${drawn} cards drawn): focus the first card of the first, Alt+→ until it is drawn in the next column; then Alt+← back (both directions are samples; a write to the Y.Doc, then the plans re-read, re-viewed and re-grouped); "Saved on this device" awaited between samples`,
    moves,
    { plan: card.customer, profile: moveProfile },
  );
}
