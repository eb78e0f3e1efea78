import { todayLocal } from '../domain/periods';

/**
 * Today's date for an open workspace, injectable for tests: `now` gives the current time.
 * The UI calls `tick` on a timer and on focus, so "due" and "stuck" follow midnight.
 */
export class Clock {
  #today = $state('');

  constructor(private readonly now: () => Date = () => new Date()) {
    this.#today = todayLocal(this.now());
  }

  get today(): string {
    return this.#today;
  }

  tick(): void {
    const today = todayLocal(this.now());
    if (today !== this.#today) this.#today = today;
  }
}
