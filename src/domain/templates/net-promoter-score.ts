import type { WorkspaceTemplate } from '../templateTypes';

export const netPromoterScore: WorkspaceTemplate = {
  id: 'net-promoter-score',
  title: 'Product quality: net promoter score',
  game: 'productivity',
  description:
    'Suits a premium product that wins on delight and word of mouth, with a user base small enough to survey regularly.',
  mission: 'Give busy professionals a tool so fast and pleasant they tell everyone about it.',
  segment: 'Founders, managers and salespeople who handle a high volume of email every day.',
  root: {
    kind: 'north-star',
    name: 'Net promoter score',
    definition:
      'From the in-product question "How likely are you to recommend us to a friend or colleague?" (0–10), answered during the month: percentage of respondents answering 9–10 (promoters) minus percentage answering 0–6 (detractors), from −100 to 100. Only people active in the last 30 days are asked, each at most once per quarter.',
    unit: 'score',
    direction: 'up',
    cadence: 'monthly',
    aggregation: 'average',
    collection:
      "Customer insights lead, on the first working day of each month: export last month's survey answers from the survey tool, count promoters (9–10), detractors (0–6) and all respondents, compute % promoters − % detractors and log the score with the number of respondents in the note.",
    children: [
      {
        kind: 'input',
        name: 'New users set up within 7 days',
        definition:
          'Percentage of people who signed up in a given week and completed setup (account connected, first core task done) within 7 days. Reported one week late.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Onboarding lead, every Monday: take the sign-ups of the week before last from the admin panel, count those marked "setup complete" within 7 days, divide by all sign-ups and log the percentage.',
      },
      {
        kind: 'input',
        name: 'Core task success rate',
        definition:
          'Percentage of attempts at the core task (for example sending, searching or scheduling) in the week that finished without an error, a timeout or the user giving up.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Engineering lead, every Monday: read last week's core-task attempts and failures from the error-monitoring dashboard, compute successes divided by attempts and log the percentage.",
      },
      {
        kind: 'input',
        name: 'Median hours to resolve support requests',
        definition:
          'Median time, in hours, from a support request being opened to it being marked solved, over requests solved in the week.',
        unit: 'duration',
        direction: 'down',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Support lead, every Monday: read the median resolution time for last week from the help-desk report and log it in hours.',
      },
      {
        kind: 'input',
        name: 'Detractors contacted within 7 days',
        definition:
          'Percentage of detractor answers (0–6) received in the week that a team member followed up personally, by email or call, within 7 days of the answer.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Customer insights lead, every Monday: check the detractor list in the survey tool against the follow-up column of the shared feedback log, divide the followed-up answers by all detractor answers and log the percentage. Put notable quotes in the feedback log.',
      },
      {
        kind: 'counter',
        name: 'Paying customer churn',
        definition:
          'Percentage of paying customers at the start of the month who cancelled or did not renew during the month. Guards against a score that rises only because unhappy customers left, or because only happy users were asked.',
        unit: 'percent',
        direction: 'down',
        cadence: 'monthly',
        aggregation: 'average',
        collection:
          'Finance analyst, on the first working day of each month: take paying customers at the start of last month and cancellations or non-renewals during it from the billing system, divide and log the percentage.',
      },
    ],
  },
};
