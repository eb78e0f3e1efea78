import { todayLocal } from './periods';

/** Lower-case words joined by dashes, for file names ("Acme Team!" → "acme-team"). */
export function fileSlug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'workspace';
}

/** `lodestar-acme-team-entries-2026-11-23.csv` (today's local date). */
export function exportFileName(
  workspaceName: string,
  what: string,
  extension: string,
  now = new Date(),
): string {
  return `lodestar-${fileSlug(workspaceName)}-${what}-${todayLocal(now)}.${extension}`;
}
