import type { WorkspaceTemplate } from '../templateTypes';

export const timeAcquiringGoodsAndServices: WorkspaceTemplate = {
  id: 'time-acquiring-goods-and-services',
  title: 'Spend management: time spent acquiring goods and services',
  game: 'productivity',
  description:
    'Suits a procurement or spend-management product whose value is getting employees what they need with the least time and hassle.',
  mission: 'Let every employee get what they need for work in minutes, not weeks.',
  segment: 'Finance and operations teams at growing companies of 200–2,000 employees.',
  root: {
    kind: 'north-star',
    name: 'Time spent acquiring goods and services',
    definition:
      'Median elapsed time, in hours, from an employee starting a purchase request to the goods or service being available to them (item received, licence active or virtual card issued), over all purchases completed in the month. Lower is better.',
    unit: 'duration',
    direction: 'down',
    cadence: 'monthly',
    aggregation: 'average',
    collection:
      "Procurement operations lead, on the first working day of each month: export last month's completed purchases with their request and fulfilment timestamps from the purchasing system, compute the hours for each, take the median and log it.",
    children: [
      {
        kind: 'input',
        name: 'Requests through catalogue or auto-approval',
        definition:
          'Percentage of purchase requests submitted in the week that used a pre-approved catalogue item or matched an auto-approval policy, so no manual approval was needed.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Procurement operations lead, every Monday: from last week\'s request export, count requests flagged "catalogue" or "auto-approved", divide by all requests and log the percentage.',
      },
      {
        kind: 'input',
        name: 'Median hours to approval',
        definition:
          'Median time, in hours, from a purchase request being submitted to its final approval, over requests approved in the week.',
        unit: 'duration',
        direction: 'down',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Finance operations analyst, every Monday: from last week's approved requests, compute hours between submission and final approval, take the median and log it.",
      },
      {
        kind: 'input',
        name: 'Requests approved without being sent back',
        definition:
          'Percentage of requests decided in the week that were approved on the first pass, without being returned to the requester for more information.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Finance operations analyst, every Monday: from last week\'s decided requests, count those with no "returned for information" step, divide by all decided requests and log the percentage.',
      },
      {
        kind: 'input',
        name: 'Employees requesting through the product',
        definition:
          'Number of distinct employees who submitted at least one purchase request through the product in the week, rather than by email, chat or expense claim.',
        unit: 'count',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Customer success lead, every Monday: count unique requester ids in last week's request export and log the number.",
      },
      {
        kind: 'counter',
        name: 'Spend outside policy or budget',
        definition:
          "Percentage of the month's completed spend (by amount) that broke a spending policy or exceeded the approved budget line. Guards against speeding purchases up by waving them through without control.",
        unit: 'percent',
        direction: 'down',
        cadence: 'monthly',
        aggregation: 'average',
        collection:
          "Finance controller, on the first working day of each month: from last month's spend report, sum the amounts flagged out of policy or over budget, divide by total spend and log the percentage.",
      },
    ],
  },
};
