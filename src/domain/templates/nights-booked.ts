import type { WorkspaceTemplate } from '../templateTypes';

export const nightsBooked: WorkspaceTemplate = {
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
};
