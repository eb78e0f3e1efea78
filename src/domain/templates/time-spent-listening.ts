import type { WorkspaceTemplate } from '../templateTypes';

export const timeSpentListening: WorkspaceTemplate = {
  id: 'time-spent-listening',
  title: 'Audio streaming: time spent listening',
  game: 'attention',
  description:
    'Suits a music, podcast or audiobook service whose value grows the more people listen to what they love.',
  mission: 'Give everyone the soundtrack for every moment of their day.',
  segment: 'Listeners aged 18–34 on the free and paid plans in the launch markets.',
  root: {
    kind: 'north-star',
    name: 'Hours of listening',
    definition:
      'Total hours of audio (music, podcasts, audiobooks) played by all listeners in the Monday–Sunday week, counting only plays of 30 seconds or more. Playback while the device is muted or paused does not count.',
    unit: 'duration',
    direction: 'up',
    cadence: 'weekly',
    aggregation: 'sum',
    collection:
      "Data analyst, every Monday: read last week's total qualifying play time (plays of 30 s or more) from the playback dashboard, convert to hours and log the total.",
    children: [
      {
        kind: 'input',
        name: 'Weekly active listeners',
        definition:
          'Number of distinct accounts with at least one play of 30 seconds or more during the week.',
        unit: 'count',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Data analyst, every Monday: read the distinct listening accounts for last week from the playback dashboard and log the number.',
      },
      {
        kind: 'input',
        name: 'Hours per active listener',
        definition:
          'Hours of listening in the week divided by weekly active listeners: how deeply each listener engages.',
        unit: 'duration',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Data analyst, every Monday: divide the hours of listening by weekly active listeners (both already logged for the week) and log the result in hours, to one decimal.',
      },
      {
        kind: 'input',
        name: 'Listening days per active listener',
        definition:
          'Average number of distinct days (0–7) in the week on which each active listener had a play of 30 seconds or more.',
        unit: 'ratio',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Data analyst, every Monday: read "average listening days per listener" for last week from the playback dashboard (or count distinct account-day pairs and divide by active listeners) and log it.',
      },
      {
        kind: 'input',
        name: 'Listening from recommendations',
        definition:
          "Percentage of qualifying listening hours in the week that started from a personalised recommendation, mix or suggested episode rather than a search or the listener's own library.",
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Personalisation lead, every Monday: read last week's listening hours by play source from the playback dashboard, divide the recommendation sources by the total and log the percentage.",
      },
      {
        kind: 'counter',
        name: 'Paid subscriber cancellation rate',
        definition:
          'Percentage of paid subscribers at the start of the month who cancelled during the month. Guards against hours inflated by endless autoplay or background play that listeners do not value.',
        unit: 'percent',
        direction: 'down',
        cadence: 'monthly',
        aggregation: 'average',
        collection:
          'Finance analyst, on the first working day of each month: take the paid subscriber count at the start of last month and the cancellations during it from the billing system, divide and log the percentage.',
      },
    ],
  },
};
