import type { Person } from '../domain/types';
import type { WorkspaceDoc } from '../doc/schema';
import type { DocWarning } from '../doc/warnings';
import * as peopleDoc from '../doc/people';
import type { AreaContext, WorkspaceArea } from './area';

/** The team of a workspace: who owns metrics and plans, and who "I" can be on this device. */
export class PeopleArea implements WorkspaceArea {
  #list = $state.raw<Person[]>([]);
  #warnings = $state.raw<DocWarning[]>([]);
  #byId = $derived(new Map(this.#list.map((p) => [p.id, p])));
  #dirty = false;

  constructor(private readonly ctx: AreaContext) {}

  /** People of the workspace, by name. */
  get list(): readonly Person[] {
    return this.#list;
  }
  get byId(): ReadonlyMap<string, Person> {
    return this.#byId;
  }
  get warnings(): readonly DocWarning[] {
    return this.#warnings;
  }

  attach(ws: WorkspaceDoc): void {
    ws.people.observeDeep(() => (this.#dirty = true));
    this.#read(ws);
  }

  flush(ws: WorkspaceDoc): void {
    if (this.#dirty) this.#read(ws);
  }

  #read(ws: WorkspaceDoc): void {
    this.#dirty = false;
    const { people, warnings } = peopleDoc.readPeople(ws);
    this.#list = people;
    this.#warnings = warnings;
  }

  add = (fields: Omit<Person, 'id'>): string | null =>
    this.ctx.step((ws) => peopleDoc.addPerson(ws, fields));

  update = (id: string, patch: Partial<Omit<Person, 'id'>>) =>
    this.ctx.typing((ws) => peopleDoc.updatePerson(ws, id, patch));

  remove = (id: string) => this.ctx.step((ws) => peopleDoc.removePerson(ws, id));
}
