/** Types of what scripts/sync-server.mjs exports, for the unit tests (which are not allowJs). */
export function mayOpen(token: unknown, documentName: unknown): boolean;
