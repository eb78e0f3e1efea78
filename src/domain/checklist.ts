import { CHECKLIST, type ChecklistCriterion, type ChecklistScores, type Game } from './types';

/** The framework's NSM checklist, in our own words: the question asked of each candidate. */
export const CRITERIA: Record<ChecklistCriterion, { label: string; question: string }> = {
  customerValue: {
    label: 'Customer value',
    question: 'Does it go up when customers get real value from the product?',
  },
  strategy: {
    label: 'Strategy',
    question: 'Does it express the product strategy, the bet the company is making?',
  },
  leadingRevenue: {
    label: 'Leads revenue',
    question: 'When it grows, does revenue follow later (a leading, not lagging, signal)?',
  },
  actionable: {
    label: 'Actionable',
    question: 'Can the teams move it with what they build and do?',
  },
  measurable: {
    label: 'Measurable',
    question: 'Can you measure it today, even by hand, the same way every time?',
  },
  understandable: {
    label: 'Understandable',
    question: 'Would everyone in the company understand it in one sentence?',
  },
  notVanity: {
    label: 'Not vanity',
    question: 'Would it stay meaningful if nobody came back (unlike followers or page views)?',
  },
};

export const GAME_INFO: Record<Game, { label: string; about: string; examples: string }> = {
  attention: {
    label: 'Attention',
    about: 'Customers get value from the time they spend with the product.',
    examples: 'time spent listening, total time reading',
  },
  transaction: {
    label: 'Transaction',
    about: 'Customers get value each time they complete a purchase or booking.',
    examples: 'nights booked, trips, orders',
  },
  productivity: {
    label: 'Productivity',
    about: 'Customers get value by getting work done faster or better.',
    examples: 'files stored, tasks completed, time saved',
  },
};

export const MAX_SCORE = CHECKLIST.length * 2;

/** Sum of scores (yes = 2, partly = 1, no = 0); unscored criteria count as 0. */
export function checklistTotal(scores: ChecklistScores): number {
  return CHECKLIST.reduce((sum, c) => sum + (scores[c] ?? 0), 0);
}

/** How many criteria have been scored. */
export function scoredCount(scores: ChecklistScores): number {
  return CHECKLIST.filter((c) => scores[c] !== undefined).length;
}

const REVENUE_WORDS =
  /\b(revenue|mrr|arr|sales|income|profit|gmv|bookings value|turnover|ebitda|billings?)\b/i;
const VANITY_WORDS =
  /\b(followers?|page ?views?|pageviews|sign[- ]?ups?|registrations?|downloads?|installs?|likes|impressions|visits|visitors|hits)\b/i;

/** Whether a metric name reads like revenue, which lags and measures value taken, not given. */
export function looksLikeRevenue(name: string): boolean {
  return REVENUE_WORDS.test(name);
}

/** Whether a metric name reads like a vanity metric (counts that grow without value). */
export function looksLikeVanity(name: string): boolean {
  return VANITY_WORDS.test(name);
}
