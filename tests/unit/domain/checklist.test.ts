import { describe, expect, it } from 'vitest';
import {
  checklistTotal,
  looksLikeRevenue,
  looksLikeVanity,
  MAX_SCORE,
  scoredCount,
} from '../../../src/domain/checklist';

describe('checklist', () => {
  it('adds yes=2, partly=1, no=0 and counts scored criteria', () => {
    expect(checklistTotal({ customerValue: 2, strategy: 1, actionable: 0 })).toBe(3);
    expect(scoredCount({ customerValue: 2, strategy: 1, actionable: 0 })).toBe(3);
    expect(MAX_SCORE).toBe(14);
  });
  it('recognises revenue and vanity names', () => {
    expect(looksLikeRevenue('ARR')).toBe(true);
    expect(looksLikeRevenue('Nights booked')).toBe(false);
    expect(looksLikeVanity('App downloads')).toBe(true);
    expect(looksLikeVanity('Sign-ups per week')).toBe(true);
    expect(looksLikeVanity('Weekly active users')).toBe(false);
  });
});
