import type { WorkspaceTemplate } from '../templateTypes';

export const serviceRequestsFulfilled45Days: WorkspaceTemplate = {
  id: 'service-requests-fulfilled-45-days',
  title: 'Social services: requests fulfilled within 45 days',
  game: 'productivity',
  description:
    'Suits a social venture or non-profit that connects people with services and succeeds only when help actually arrives in time.',
  mission: 'Make sure every family who asks for help gets it while it still matters.',
  segment: 'Low-income families newly enrolled through partner schools and clinics.',
  root: {
    kind: 'north-star',
    name: 'Service requests fulfilled within 45 days of onboarding',
    definition:
      "Number of service requests (housing, benefits, food, job or health support) from clients onboarded in the month that were fulfilled (the client received the service and confirmed it) no later than 45 days after the client's onboarding date. Counted by onboarding month, so each month is final 45 days after it ends.",
    unit: 'count',
    direction: 'up',
    cadence: 'monthly',
    aggregation: 'sum',
    collection:
      'Programme manager, in the second week of each month: filter the case tracker for clients onboarded in the month that ended 45 days ago, count their requests marked "fulfilled – confirmed by client" with a fulfilment date within 45 days of onboarding, and log the number.',
    children: [
      {
        kind: 'input',
        name: 'Clients onboarded',
        definition:
          'Number of new clients in the week who completed intake (consent signed, needs assessment done) and have at least one service request logged.',
        unit: 'count',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'sum',
        collection:
          'Intake coordinator, every Friday: count this week\'s new rows in the case tracker with status "intake complete" and at least one request, and log the number.',
      },
      {
        kind: 'input',
        name: 'Requests referred within 7 days of onboarding',
        definition:
          'Percentage of service requests from clients onboarded in a given week that were referred to a partner organisation within 7 days of onboarding. Reported one week late.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Intake coordinator, every Friday: for clients onboarded the week before last, count requests with a referral date within 7 days of onboarding in the case tracker, divide by all their requests and log the percentage.',
      },
      {
        kind: 'input',
        name: 'Referrals accepted by partners within 5 days',
        definition:
          'Percentage of referrals sent to partner organisations in a given week that the partner accepted within 5 working days. Reported one week late.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Partnerships lead, every Friday: from the referral log of the week before last, count referrals with a partner acceptance within 5 working days, divide by all referrals and log the percentage; note partners that are slow to answer.',
      },
      {
        kind: 'input',
        name: 'Open cases checked in within 14 days',
        definition:
          'Percentage of open cases, at the end of the week, in which a caseworker had a documented contact with the client in the last 14 days.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'last',
        collection:
          'Casework supervisor, every Friday: filter the case tracker for open cases, count those with a "last contact" date in the last 14 days, divide by all open cases and log the percentage.',
      },
      {
        kind: 'input',
        name: 'Median days from request to fulfilment',
        definition:
          'Median number of days from a service request being logged to it being fulfilled and confirmed, over requests fulfilled in the week.',
        unit: 'duration',
        direction: 'down',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Programme manager, every Friday: list the requests marked fulfilled this week in the case tracker, compute days between request and fulfilment for each, take the median and log it in days.',
      },
      {
        kind: 'counter',
        name: 'Fulfilled requests reopened within 30 days',
        definition:
          'Percentage of requests marked fulfilled in the month that were reopened, or that the client reported as not resolved, within 30 days. Guards against closing requests early or picking only easy cases to hit the 45-day window.',
        unit: 'percent',
        direction: 'down',
        cadence: 'monthly',
        aggregation: 'average',
        collection:
          'Casework supervisor, in the second week of each month: for requests fulfilled in the month before last, count those reopened or reported unresolved within 30 days in the case tracker, divide by all fulfilled and log the percentage.',
      },
    ],
  },
};
