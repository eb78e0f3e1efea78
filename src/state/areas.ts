import type { AreaContext } from './area';
import type { Clock } from './clock.svelte';
import { WorkspaceCalendar } from './calendar.svelte';
import { PeopleArea } from './people.svelte';
import { TreeArea } from './tree.svelte';
import { EntriesArea } from './entries.svelte';
import { WorkshopArea } from './workshop.svelte';
import { CustomerSuccess } from './customers.svelte';
import { InsightsArea } from './insights.svelte';
import { Tracking } from './tracking.svelte';
import { ExperimentsArea } from './experiments.svelte';
import { ReviewsArea } from './reviews.svelte';
import { BriefsArea } from './briefs.svelte';

/**
 * Every area of an open workspace, registered once, built in order so that an area that needs
 * another's data is given that area (one way down). The session attaches, flushes and collects
 * the warnings of each; the UI reaches an area as `session.areas.<name>`.
 */
export function createAreas(
  ctx: AreaContext,
  clock: Clock,
  calendar: WorkspaceCalendar = new WorkspaceCalendar(),
) {
  const people = new PeopleArea(ctx);
  const tree = new TreeArea(ctx, people);
  const entries = new EntriesArea(ctx, tree);
  const workshop = new WorkshopArea(ctx, tree);
  const customers = new CustomerSuccess(ctx);
  const insights = new InsightsArea(ctx);
  const tracking = new Tracking(clock, { tree, entries, customers }, calendar);
  const experiments = new ExperimentsArea(ctx);
  const briefs = new BriefsArea(ctx);
  const reviews = new ReviewsArea(ctx, tree, tracking, briefs);
  return {
    people,
    tree,
    entries,
    workshop,
    customers,
    insights,
    tracking,
    experiments,
    reviews,
    briefs,
  };
}

export type Areas = ReturnType<typeof createAreas>;
