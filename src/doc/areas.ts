import { metaArea } from './meta';
import { peopleArea } from './people';
import { metricsArea } from './metrics';
import { entriesArea } from './entries';
import { workshopArea } from './workshop';
import { journeyArea } from './journey';
import { plansArea } from './plans';
import { insightsArea } from './insights';
import { experimentsArea } from './experiments';
import { reviewsArea } from './reviews';
import { briefsArea } from './briefs';
import { clientsArea } from './clients';

/**
 * Every area of the workspace document, registered once. The document's shape
 * (`WorkspaceDoc`), the undo scope, the change report of a sync file, the hostile-peer tests and
 * the convergence test all iterate this list, so an area added here cannot be missed by them.
 */
export const DOC_AREAS = [
  metaArea,
  metricsArea,
  entriesArea,
  peopleArea,
  workshopArea,
  journeyArea,
  plansArea,
  insightsArea,
  experimentsArea,
  reviewsArea,
  briefsArea,
  clientsArea,
] as const;
