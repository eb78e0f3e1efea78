import type { WorkspaceTemplate } from '../templateTypes';

export const saasWeeklyActiveUsers: WorkspaceTemplate = {
  id: 'saas-weekly-active-users',
  title: 'SaaS: weekly active users',
  game: 'productivity',
  description:
    'Suits a business software product whose value shows when people come back every week to do real work in it.',
  mission: 'Help small teams plan and finish their work without chasing each other for updates.',
  segment: 'Teams of 5–50 people at companies that adopted the product in the last year.',
  root: {
    kind: 'north-star',
    name: 'Weekly active users',
    definition:
      'Number of distinct signed-in people who completed at least one core action (created, edited, completed or shared a piece of work) during the Monday–Sunday week. Signing in alone does not count, internal and test accounts are excluded, and each person counts once per week however often they return.',
    unit: 'count',
    direction: 'up',
    cadence: 'weekly',
    aggregation: 'average',
    collection:
      'Product analyst, every Monday morning: run the saved "weekly active users" query on the product event log (or export last week\'s events to a spreadsheet and count unique user ids with a core-action event), then log the number here before the weekly review.',
    children: [
      {
        kind: 'input',
        name: 'New sign-ups activated within 7 days',
        definition:
          'Of the people who signed up in a given week, the percentage who completed a core action within 7 days of signing up. Reported one week late, once every sign-up in the cohort has had its full 7 days.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Growth lead, every Monday: take the sign-up list of the week before last from the admin panel, check which of those accounts show a core action within 7 days in the event log, divide by the number of sign-ups and log the percentage.',
      },
      {
        kind: 'input',
        name: 'Accounts with 3 or more active users',
        definition:
          'Number of customer accounts (workspaces) in which at least three distinct people completed a core action during the Monday–Sunday week. Shows whether the product spreads across a team rather than staying with one champion.',
        unit: 'count',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Customer success lead, every Monday: from the weekly active users export, group users by account, count the accounts with three or more, and log the count. Note in the entry any large account that dropped below three.',
      },
      {
        kind: 'input',
        name: 'Active days per weekly active user',
        definition:
          'Average number of distinct days (0–7) in the week on which each weekly active user completed a core action: the sum of active days over all weekly active users divided by the number of weekly active users.',
        unit: 'ratio',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Product analyst, every Monday, with the same event export used for weekly active users: count distinct (user, date) pairs with a core action, divide by the number of weekly active users and log the result to one decimal.',
      },
      {
        kind: 'input',
        name: 'Key features used per active user',
        definition:
          'Average number of distinct key features, out of a fixed list of five the team agrees on (for example comments, assignments, due dates, templates, integrations), used by each weekly active user during the week. Change the list only at the start of a quarter.',
        unit: 'ratio',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Product manager, every Monday: in the event export, count for each weekly active user how many of the five key features they used, average the counts and log the result. Keep the feature list in this metric's notes.",
      },
      {
        kind: 'input',
        name: 'Active users retained from last week',
        definition:
          "Percentage of the previous week's active users who were active again this week: people active in both weeks divided by people active last week.",
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Product analyst, every Monday: compare the user ids of the last two weekly active user exports (a spreadsheet lookup is enough), divide the overlap by last week's total and log the percentage.",
      },
      {
        kind: 'counter',
        name: 'Notification and email opt-out rate',
        definition:
          'Percentage of weekly active users who turned off a notification type or unsubscribed from product email during the week. Guards against buying activity with reminders and nudges that annoy people.',
        unit: 'percent',
        direction: 'down',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Marketing operations, every Monday: export last week's unsubscribes from the email tool and notification-setting changes from the admin panel, count distinct people, divide by weekly active users and log the percentage.",
      },
    ],
  },
};
