/**
 * Ready-made starting points for a workspace: a North Star Metric for a common kind of product,
 * broken into input metrics (breadth, depth, frequency, efficiency) and paired with a
 * counter-metric that catches gaming of the North Star. Teams adapt the words to their product.
 */
import type { Aggregation, Cadence, Direction, Game, MetricKind, Unit } from './types';

export interface TemplateMetric {
  kind: MetricKind;
  name: string;
  /** How the value is computed, in words, and over which period. */
  definition: string;
  unit: Unit;
  direction: Direction;
  cadence: Cadence;
  aggregation: Aggregation;
  /** Who collects it, when, how and from where (written for a team tracking by hand). */
  collection: string;
  children?: TemplateMetric[];
}

export interface WorkspaceTemplate {
  /** Kebab-case and stable: saved workspaces may refer to it. */
  id: string;
  title: string;
  game: Game;
  /** One sentence: who this template suits. */
  description: string;
  /** An example mission sentence. */
  mission: string;
  /** An example target segment. */
  segment: string;
  /** Kind 'north-star'; its children are 3–5 inputs and at least one counter-metric. */
  root: TemplateMetric;
}

export const TEMPLATES: readonly WorkspaceTemplate[] = [
  {
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
  },
  {
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
  },
  {
    id: 'nights-booked',
    title: 'Travel: nights booked',
    game: 'transaction',
    description:
      'Suits a lodging or rental platform where value is a stay: hosts earn and guests get a place to stay.',
    mission: 'Help travellers find a place that feels like home, anywhere they go.',
    segment: 'Families and small groups booking holiday stays of two nights or more.',
    root: {
      kind: 'north-star',
      name: 'Nights booked',
      definition:
        'Total nights in confirmed bookings made during the Monday–Sunday week (a three-night stay counts three, however many guests), counted on the booking date, minus nights from bookings cancelled within the same week.',
      unit: 'count',
      direction: 'up',
      cadence: 'weekly',
      aggregation: 'sum',
      collection:
        "Revenue analyst, every Monday: export last week's confirmed bookings from the booking system with their check-in and check-out dates, sum the nights, subtract nights of bookings cancelled the same week and log the total.",
      children: [
        {
          kind: 'input',
          name: 'Bookable listings',
          definition:
            'Number of listings, at the end of the week, that have a complete profile (at least five photos, a price and an up-to-date calendar) and at least one open night in the next 90 days.',
          unit: 'count',
          direction: 'up',
          cadence: 'weekly',
          aggregation: 'last',
          collection:
            'Host success lead, every Monday: run the "bookable listings" filter in the listings admin (complete profile, open night in 90 days) and log the count shown.',
        },
        {
          kind: 'input',
          name: 'Searcher-to-booking conversion',
          definition:
            'Percentage of distinct visitors who searched with dates in the week and made a confirmed booking within 7 days of that search. Reported one week late.',
          unit: 'percent',
          direction: 'up',
          cadence: 'weekly',
          aggregation: 'average',
          collection:
            'Product analyst, every Monday: from the web analytics funnel, read the visitors who searched with dates in the week before last and how many of them booked within 7 days, divide and log the percentage.',
        },
        {
          kind: 'input',
          name: 'Average nights per booking',
          definition:
            'Nights booked in the week divided by the number of confirmed bookings made in the week (after same-week cancellations).',
          unit: 'ratio',
          direction: 'up',
          cadence: 'weekly',
          aggregation: 'average',
          collection:
            'Revenue analyst, every Monday, from the bookings export used for nights booked: divide total nights by the number of bookings and log the result to one decimal.',
        },
        {
          kind: 'input',
          name: 'Bookings from returning guests',
          definition:
            "Percentage of the week's confirmed bookings made by guests who completed a stay in the previous 12 months.",
          unit: 'percent',
          direction: 'up',
          cadence: 'weekly',
          aggregation: 'average',
          collection:
            "CRM lead, every Monday: match guest ids of last week's bookings against completed stays of the last 12 months (spreadsheet lookup), divide the matches by all bookings and log the percentage.",
        },
        {
          kind: 'input',
          name: 'Enquiries answered within 24 hours',
          definition:
            'Percentage of booking requests and guest enquiries received in the week that the host answered within 24 hours.',
          unit: 'percent',
          direction: 'up',
          cadence: 'weekly',
          aggregation: 'average',
          collection:
            "Host success lead, every Monday: export last week's enquiries with their first-reply time from the messaging admin, count those answered within 24 hours, divide by all enquiries and log the percentage.",
        },
        {
          kind: 'counter',
          name: 'Stays with a serious complaint',
          definition:
            'Percentage of stays that ended in the week for which the guest rated the stay 2 stars or lower, or filed a complaint (listing not as described, cleanliness, safety, host cancellation on arrival). Guards against growing nights with poor listings or pressure to book.',
          unit: 'percent',
          direction: 'down',
          cadence: 'weekly',
          aggregation: 'average',
          collection:
            "Guest support lead, every Monday: count last week's checked-out stays with a rating of 2 or lower or a complaint ticket (review export plus support tool), divide by all checked-out stays and log the percentage.",
        },
      ],
    },
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
];

/** The template with this id, or undefined when there is none. */
export function templateById(id: string): WorkspaceTemplate | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
