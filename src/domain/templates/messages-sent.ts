import type { WorkspaceTemplate } from '../templateTypes';

export const messagesSent: WorkspaceTemplate = {
  id: 'messages-sent',
  title: 'Team chat: messages sent',
  game: 'productivity',
  description:
    'Suits a team messaging product where value grows as teams move their everyday conversations into it.',
  mission: 'Make working together simpler, more pleasant and more productive.',
  segment: 'Teams of 10–200 people replacing internal email with chat.',
  root: {
    kind: 'north-star',
    name: 'Messages sent in team workspaces',
    definition:
      'Number of messages posted by people (not bots or integrations) during the Monday–Sunday week in workspaces that have at least three members. Edits and reactions do not count; replies in threads do.',
    unit: 'count',
    direction: 'up',
    cadence: 'weekly',
    aggregation: 'sum',
    collection:
      "Data analyst, every Monday: read last week's human-posted messages in workspaces with 3+ members from the usage dashboard (bots and integrations filtered out) and log the total.",
    children: [
      {
        kind: 'input',
        name: 'Weekly active workspaces',
        definition:
          'Number of workspaces in which at least three different people posted a message during the week.',
        unit: 'count',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Data analyst, every Monday: read the count of workspaces with three or more posting members last week from the usage dashboard and log it.',
      },
      {
        kind: 'input',
        name: 'Invited members posting within 7 days',
        definition:
          'Percentage of people who joined a workspace by invitation in a given week and posted their first message within 7 days of joining. Reported one week late.',
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Growth lead, every Monday: export the members who joined by invitation in the week before last, count those with a first message within 7 days, divide by all joiners and log the percentage.',
      },
      {
        kind: 'input',
        name: 'Posting days per active member',
        definition:
          'Average number of distinct days (0–7) in the week on which each member who posted at least once posted a message.',
        unit: 'ratio',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          'Data analyst, every Monday: read "average posting days per active member" for last week from the usage dashboard and log it to one decimal.',
      },
      {
        kind: 'input',
        name: 'Share of messages in shared channels',
        definition:
          "Percentage of the week's human-posted messages that were posted in channels with three or more members rather than in direct messages: a sign of open, team-wide conversation.",
        unit: 'percent',
        direction: 'up',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Product manager, every Monday: read last week's messages by conversation type from the usage dashboard, divide channel messages by all messages and log the percentage.",
      },
      {
        kind: 'counter',
        name: 'Channel mutes per 100 active members',
        definition:
          'Number of times members muted a channel or turned off notifications during the week, per 100 members who posted that week. Guards against inflating messages with noise: automated nudges, chatty defaults or forced channels.',
        unit: 'ratio',
        direction: 'down',
        cadence: 'weekly',
        aggregation: 'average',
        collection:
          "Data analyst, every Monday: read last week's mute and notification-off events from the usage dashboard, divide by the number of posting members, multiply by 100 and log the result.",
      },
    ],
  },
};
