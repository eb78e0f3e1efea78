/** A palette that stays readable as text on white and as a fill behind white text. */
export const PERSON_COLORS = [
  '#1f6feb',
  '#b3261e',
  '#1a7f37',
  '#8250df',
  '#bc4c00',
  '#0a7c86',
  '#bf3989',
  '#57606a',
] as const;
