/** The ten starting trees, one file each under templates/, in the order the start screen lists them. */
import type { WorkspaceTemplate } from './templateTypes';
import { saasWeeklyActiveUsers } from './templates/saas-weekly-active-users';
import { marketplaceTransactions } from './templates/marketplace-transactions';
import { nightsBooked } from './templates/nights-booked';
import { timeSpentListening } from './templates/time-spent-listening';
import { totalTimeReading } from './templates/total-time-reading';
import { videosWithAView } from './templates/videos-with-a-view';
import { messagesSent } from './templates/messages-sent';
import { netPromoterScore } from './templates/net-promoter-score';
import { serviceRequestsFulfilled45Days } from './templates/service-requests-fulfilled-45-days';
import { timeAcquiringGoodsAndServices } from './templates/time-acquiring-goods-and-services';

export type { TemplateMetric, WorkspaceTemplate } from './templateTypes';

export const TEMPLATES: readonly WorkspaceTemplate[] = [
  saasWeeklyActiveUsers,
  marketplaceTransactions,
  nightsBooked,
  timeSpentListening,
  totalTimeReading,
  videosWithAView,
  messagesSent,
  netPromoterScore,
  serviceRequestsFulfilled45Days,
  timeAcquiringGoodsAndServices,
];

/** The template with this id, or undefined when there is none. */
export function templateById(id: string): WorkspaceTemplate | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
