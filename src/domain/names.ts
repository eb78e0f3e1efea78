/** Names people give records (workspaces, metrics, people): their limit and the form's check. */

export const MAX_NAME = 300;

/** A name as typed in a form: returns the message to show at the field, or null when fine. */
export function nameProblem(name: string): string | null {
  if (name.trim() === '') return 'A name is required.';
  if (name.trim().length > MAX_NAME) return `Keep the name under ${MAX_NAME} characters.`;
  return null;
}
