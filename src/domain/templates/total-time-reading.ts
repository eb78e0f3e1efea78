import type { WorkspaceTemplate } from '../templateTypes';

export const totalTimeReading: WorkspaceTemplate = {
  id: 'total-time-reading',
  title: 'Publishing: total time reading',
  game: 'attention',
  description:
    'Suits a publishing or content platform whose value is writing people actually read, not clicks.',
  mission: 'Deepen understanding by connecting curious readers with thoughtful writers.',
  segment: 'Professionals who read long-form articles about their field at least weekly.',
  root: {
    kind: 'north-star',
    name: 'Total time reading',
    definition:
      'Total hours readers spent actively reading articles in the Monday–Sunday week: time with an article in view while the reader scrolls or the page stays visible, with any idle gap over 60 seconds removed. Writers reading their own articles are excluded.',
    unit: 'duration',
    direction: 'up',
    cadence: 'weekly',
    aggregation: 'sum',
    collection:
      "Audience analyst, every Monday: read last week's total active reading time from the reading-time dashboard (idle gaps over 60 s already removed), convert to hours and log the total.",
    children: [
      {
        kind: 'input',
        name: 'Weekly readers',
        definition:
          'Number of distinct readers (signed-in accounts, or browsers for signed-out readers) who actively read at least one article for 30 seconds or more during the week.',
        unit: 'count',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Audience analyst, every Monday: read the distinct readers with 30 s or more of reading last week from the reading-time dashboard and log the number.',
      },
      {
        kind: 'input',
        name: 'Read-through rate',
        definition:
          'Percentage of article opens in the week in which the reader scrolled past 90% of the article text.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Editorial analyst, every Monday: read last week\'s article opens and "reached 90%" counts from the scroll-depth report, divide and log the percentage.',
      },
      {
        kind: 'input',
        name: 'Reading sessions per reader',
        definition:
          'Average number of separate reading sessions (visits with at least 30 seconds of active reading, split by 30 minutes of inactivity) per weekly reader.',
        unit: 'ratio',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Audience analyst, every Monday: divide last week's reading sessions by weekly readers (both from the reading-time dashboard) and log the result to one decimal.",
      },
      {
        kind: 'input',
        name: 'Quality articles published',
        definition:
          'Number of articles published in the week that passed editorial review: original, at least a three-minute read, and tagged with a topic readers follow.',
        unit: 'count',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'sum',
        collection:
          'Managing editor, every Friday: count the articles marked "approved" in the editorial calendar that went live this week and log the number.',
      },
      {
        kind: 'counter',
        name: 'Reads rated not worth the time',
        definition:
          'Percentage of end-of-article ratings in the week where the reader answered "not worth my time" to the one-tap prompt. Guards against padded articles and clickbait that add minutes but not value.',
        unit: 'percent',
        direction: 'down',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Editorial analyst, every Monday: export last week\'s answers to the end-of-article prompt, divide the "not worth my time" answers by all answers and log the percentage; note the three worst-rated articles.',
      },
    ],
  },
};
