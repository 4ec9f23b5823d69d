export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: tests use it to cross SLA deadlines and windows, the demo to date what it loads in the past. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start: Date | string = "2026-01-01T09:00:00Z") {
    this.#ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  set(at: Date | string): void {
    this.#ms = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.#ms += ms;
  }
}
