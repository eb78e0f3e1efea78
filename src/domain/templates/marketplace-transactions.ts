import type { WorkspaceTemplate } from '../templateTypes';

export const marketplaceTransactions: WorkspaceTemplate = {
  id: 'marketplace-transactions',
  title: 'Marketplace: completed transactions',
  game: 'transaction',
  description:
    'Suits a two-sided marketplace or online shop where value is delivered each time a buyer gets what they paid for.',
  mission: 'Make it effortless for people to buy from independent makers they can trust.',
  segment: 'Repeat buyers of handmade goods in the countries the marketplace ships to.',
  root: {
    kind: 'north-star',
    name: 'Completed transactions',
    definition:
      'Number of orders in which the buyer paid and delivery was confirmed, counted in the Monday–Sunday week the delivery was confirmed. Cancelled orders, fully refunded orders and test orders are excluded; an order with several items counts once.',
    unit: 'count',
    direction: 'up',
    cadence: 'weekly',
    aggregation: 'sum',
    collection:
      'Operations analyst, every Monday: export last week\'s orders with status "delivered" from the order system, remove cancelled, fully refunded and test orders, count the rows and log the number.',
    children: [
      {
        kind: 'input',
        name: 'Active buyers',
        definition:
          'Number of distinct buyers with at least one completed transaction in the week.',
        unit: 'count',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Operations analyst, every Monday, from the same delivered-orders export: count unique buyer ids and log the number.',
      },
      {
        kind: 'input',
        name: 'Sellers with at least one sale',
        definition:
          'Number of distinct sellers who had at least one completed transaction in the week. Measures whether supply is broad enough, rather than a few big sellers carrying the market.',
        unit: 'count',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Supply lead, every Monday, from the delivered-orders export: count unique seller ids and log the number. Note any top-10 seller with no sale this week.',
      },
      {
        kind: 'input',
        name: 'Search-to-purchase conversion',
        definition:
          'Percentage of buyer visits that included a search and ended in a paid order within 24 hours. Visits by signed-out and signed-in buyers both count; bot traffic is excluded.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Product analyst, every Monday: read last week\'s "visits with search" and "of which ordered within 24h" from the web analytics funnel report, divide and log the percentage.',
      },
      {
        kind: 'input',
        name: 'Share of orders from repeat buyers',
        definition:
          "Percentage of the week's completed transactions placed by buyers who had another completed transaction in the previous 90 days.",
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "CRM lead, every Monday: look up each buyer in last week's delivered-orders export against the previous 90 days of orders (spreadsheet lookup), count the repeat orders, divide by all orders and log the percentage.",
      },
      {
        kind: 'counter',
        name: 'Refund and dispute rate',
        definition:
          'Percentage of transactions completed in the week for which the buyer requested a refund or opened a dispute within 30 days. Reported 30 days late. Guards against pushing volume with discounts, low-quality sellers or misleading listings.',
        unit: 'percent',
        direction: 'down',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Trust and safety lead, every Monday: take the delivered orders of the week that ended 30 days ago, count those with a refund request or dispute in the support tool, divide by the number of orders and log the percentage.',
      },
    ],
  },
};
