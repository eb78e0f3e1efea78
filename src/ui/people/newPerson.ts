import { PERSON_COLORS } from '../../domain/personColors';
import type { PeopleArea } from '../../state/people.svelte';

/** Adds a person by name (and team), with the next colour of the palette; their id, or null. */
export function addPersonNamed(people: PeopleArea, name: string, team = ''): string | null {
  const color = PERSON_COLORS[people.list.length % PERSON_COLORS.length] ?? PERSON_COLORS[0];
  return people.add({ name: name.trim(), team: team.trim(), color });
}
