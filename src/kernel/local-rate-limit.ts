import { AppError } from "./errors";

/**
 * A token bucket per key, held in this process. The tracking endpoints take thousands of requests
 * a second, where a database counter per request would cost more than the request itself; with
 * several API processes each enforces the limit on its own share of the traffic.
 */
export class LocalRateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perSecond: number,
    readonly burst: number = perSecond * 2,
    readonly maxKeys = 100_000,
  ) {}

  /** Takes one token for `key` or throws `rate_limited` with the seconds to wait. */
  take(key: string, now: number = performance.now()): void {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= this.maxKeys) this.#forgetFull(now);
      bucket = { tokens: this.burst, at: now };
      this.#buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
      throw new AppError("rate_limited", `Too many requests; try again in ${retryAfter} s`, { extra: { retryAfter } });
    }
    bucket.tokens -= 1;
  }

  /** Buckets that have refilled carry no information; dropping them bounds memory. */
  #forgetFull(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.#buckets.delete(key);
    }
    if (this.#buckets.size >= this.maxKeys) this.#buckets.clear();
  }
}
