import type { WorkspaceTemplate } from '../templateTypes';

export const videosWithAView: WorkspaceTemplate = {
  id: 'videos-with-a-view',
  title: 'Video messaging: videos with a view',
  game: 'productivity',
  description:
    'Suits an async video tool where value happens only when a recorded message is actually watched by someone.',
  mission: 'Let people explain anything once, clearly, without another meeting.',
  segment: 'Remote product and engineering teams at companies with 50–500 employees.',
  root: {
    kind: 'north-star',
    name: 'Videos with a view',
    definition:
      'Number of videos recorded in the Monday–Sunday week that were watched for at least 5 seconds by someone other than the creator within 7 days of recording. Counted in the week of recording, so reported one week late.',
    unit: 'count',
    direction: 'up',
    cadence: 'weekly',
    aggregation: 'sum',
    collection:
      'Product analyst, every Monday: export the videos recorded in the week before last with their first non-creator view time from the admin panel, count those viewed within 7 days and log the number.',
    children: [
      {
        kind: 'input',
        name: 'Weekly active creators',
        definition:
          'Number of distinct people who recorded and shared at least one video (link copied, embedded or sent) during the week.',
        unit: 'count',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Product analyst, every Monday: from last week's video export, count unique creator ids with at least one shared video and log the number.",
      },
      {
        kind: 'input',
        name: 'Videos shared per creator',
        definition:
          'Videos shared in the week divided by weekly active creators: how often creators turn to video.',
        unit: 'ratio',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Product analyst, every Monday, from the same video export: divide the shared videos by weekly active creators and log the result to one decimal.',
      },
      {
        kind: 'input',
        name: 'Share of recordings shared within a day',
        definition:
          'Percentage of videos recorded in the week that were shared (link copied, embedded or sent) within 24 hours of recording. Unshared recordings can never get a view.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Growth lead, every Monday: from last week's video export, count recordings with a share event within 24 hours, divide by all recordings and log the percentage.",
      },
      {
        kind: 'input',
        name: 'Accounts with 3 or more creators',
        definition:
          'Number of customer accounts in which at least three distinct people recorded and shared a video during the week: video spreading as a team habit.',
        unit: 'count',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Customer success lead, every Monday: group last week's active creators by account in a spreadsheet, count accounts with three or more and log the count.",
      },
      {
        kind: 'input',
        name: 'Median hours to first view',
        definition:
          'Median time, in hours, from a video being shared to its first view by someone other than the creator, over videos shared in the week that got a view within 7 days.',
        unit: 'duration',
        direction: 'down',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Product analyst, every Monday: from the export of the week before last, compute hours between share and first non-creator view for each viewed video, take the median and log it in hours.',
      },
      {
        kind: 'counter',
        name: 'Average watch completion',
        definition:
          "Average percentage of each video's length that viewers watched, over all non-creator views in the week. Guards against counting views that are opened and abandoned, such as auto-sent or unwanted videos.",
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Product analyst, every Monday: read last week's average watch completion from the video engagement report (non-creator views only) and log the percentage.",
      },
    ],
  },
};
