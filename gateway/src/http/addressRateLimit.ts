import { HttpError } from './httpError';

/** What one request used of its client's allowance. */
export interface RateLimitDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window (and the allowance) starts again. */
  resetSeconds: number;
}

/** The eight 4-digit groups of an IPv6 address. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const first = head ? head.split(':') : [];
  const last = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(Math.max(0, 8 - first.length - last.length)).fill('0');
  return [...first, ...zeros, ...last].map((group) => group.padStart(4, '0'));
}

/** The part of a client address that identifies one client: the IPv4 address, or the IPv6 /56 prefix (one subscriber's allocation). */
export function clientKeyOf(address: string): string {
  const plain = address.replace(/^::ffff:/, '');
  if (!plain.includes(':')) return plain;
  const groups = ipv6Groups(plain);
  return `${groups.slice(0, 3).join(':')}:${groups[3].slice(0, 2)}/56`;
}

/**
 * Requests per client and fixed one-minute window. Kept by hand instead of a library middleware:
 * this runs on every anonymous scan, and the general-purpose one cost about a quarter of a cached
 * scan's CPU here; the counter map is replaced whole each minute, so memory follows the clients of
 * one minute.
 */
export class AddressRateLimit {
  #windowStart = 0;
  #counts = new Map<string, number>();

  constructor(readonly perMinute: number) {}

  take(address: string, now = Date.now()): RateLimitDecision {
    return this.takeFor(clientKeyOf(address), now);
  }

  /** One request of a client named by `key` as it is (an enterprise, not an address). */
  takeFor(key: string, now = Date.now()): RateLimitDecision {
    if (now - this.#windowStart >= 60_000) {
      this.#windowStart = now - (now % 60_000);
      this.#counts = new Map();
    }
    const used = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, used);
    return { allowed: used <= this.perMinute, remaining: Math.max(0, this.perMinute - used), resetSeconds: Math.ceil((this.#windowStart + 60_000 - now) / 1000) };
  }
}

/** The IETF RateLimit headers of a decision, so well-behaved clients can slow down before a 429. */
export function rateLimitHeaders(limit: AddressRateLimit, decision: RateLimitDecision): Record<string, string> {
  return { 'RateLimit-Policy': `"anonymous";q=${limit.perMinute};w=60`, RateLimit: `"anonymous";r=${decision.remaining};t=${decision.resetSeconds}` };
}

export function rateLimitRefusal(limit: AddressRateLimit, decision: RateLimitDecision): HttpError {
  return new HttpError(429, `more than ${limit.perMinute} requests a minute without a token from this address; slow down`, {}, { 'Retry-After': String(decision.resetSeconds) });
}
