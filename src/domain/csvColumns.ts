/**
 * Guessing which column of a CSV plays which role from its header names: exact synonyms
 * beat headers that merely contain one as whole words ("Value (USD)"), then the leftmost column
 * wins; no column serves two roles. Headers are compared in lower case without accents
 * ("Métrique" → "metrique"), non-letters as single spaces. Used by the entries import (its
 * roles and synonyms below) and the customer import.
 */

/** Lower case, accents dropped, non-letters as single spaces. */
export const normalizeHeader = (h: string): string =>
  h
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A name as typed in a cell, for matching: trimmed, spaces collapsed, lower case. */
export const nameKey = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** The best column per role (see the file comment); roles without a match are left out. */
export function guessColumnsBy<R extends string>(
  header: readonly string[],
  synonyms: Readonly<Record<R, readonly string[]>>,
): Partial<Record<R, number>> {
  const roles = Object.keys(synonyms) as R[];
  const candidates: { role: R; column: number; score: number }[] = [];
  header.forEach((name, column) => {
    const h = normalizeHeader(name);
    const padded = ` ${h} `;
    for (const role of roles) {
      const words = synonyms[role];
      const score = words.includes(h) ? 2 : words.some((w) => padded.includes(` ${w} `)) ? 1 : 0;
      if (score > 0) candidates.push({ role, column, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const map: Partial<Record<R, number>> = {};
  const used = new Set<number>();
  for (const { role, column } of candidates) {
    if (map[role] !== undefined || used.has(column)) continue;
    map[role] = column;
    used.add(column);
  }
  return map;
}

/** Column indices. */
export interface ColumnMap {
  metric: number;
  period: number;
  value: number;
  note: number | null;
  /** Optional columns that set the metric's targets and baseline (csvTargets.ts). */
  target?: number | null;
  baseline?: number | null;
}

type Role = keyof ColumnMap;

/**
 * Header names per role, lower case without accents (normalizeHeader): English, then German,
 * French, Spanish, Portuguese and Dutch.
 */
const SYNONYMS: Record<Role, readonly string[]> = {
  metric: [
    ...['metric', 'metric name', 'metrics', 'name', 'kpi', 'kpi name', 'measure', 'indicator'],
    ...['kennzahl', 'metrik', 'metrique', 'indicateur', 'metrica', 'indicador', 'metriek'],
    'kengetal',
  ],
  period: [
    'period',
    'date',
    'week',
    'month',
    'quarter',
    'day',
    'time',
    'timestamp',
    'week of',
    'week starting',
    'period start',
    ...['datum', 'zeitraum', 'woche', 'monat', 'quartal'],
    ...['periode', 'semaine', 'mois', 'trimestre'],
    ...['fecha', 'periodo', 'semana', 'mes', 'data'],
    ...['maand', 'kwartaal'],
  ],
  value: [
    ...['value', 'amount', 'count', 'total', 'number', 'actual', 'result', 'quantity', 'qty'],
    ...['wert', 'valeur', 'valor', 'waarde'],
  ],
  note: [
    ...['note', 'notes', 'comment', 'comments', 'remark', 'remarks', 'memo', 'description'],
    ...['notiz', 'notizen', 'kommentar', 'bemerkung', 'commentaire', 'remarque'],
    ...['nota', 'notas', 'comentario', 'observacion', 'observacao', 'notitie', 'opmerking'],
  ],
  target: [
    ...['target', 'targets', 'goal', 'plan', 'planned', 'budget', 'objective'],
    ...['ziel', 'zielwert', 'soll', 'objectif', 'cible', 'objetivo', 'meta', 'doel'],
    'streefwaarde',
  ],
  baseline: [
    ...['baseline', 'base line', 'starting point', 'reference'],
    ...['basis', 'basiswert', 'ausgangswert', 'referenz', 'ligne de base'],
    ...['linea base', 'linea de base', 'referencia', 'valor base', 'nulmeting', 'uitgangswaarde'],
  ],
};

/**
 * Best guess from header names (English + common variants: metric/name/kpi, date/period/week/
 * month, value/amount/count/actual, note/comment, target/goal, baseline; and German, French, Spanish, Portuguese and Dutch:
 * Kennzahl/Datum/Wert/Notiz, métrique/date/valeur/note, métrica/fecha/valor/nota, …), accents
 * ignored. Exact names beat names that merely contain a synonym, then the leftmost column wins;
 * no column serves two roles. Roles without a match are left out.
 */
export function guessColumns(header: readonly string[]): Partial<ColumnMap> {
  return guessColumnsBy(header, SYNONYMS);
}
