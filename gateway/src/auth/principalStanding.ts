import { Refusal } from '../refusal';
import type { RegistryReader } from '../fabric/registryReader';
import type { TokenCheck } from './authenticate';
import type { Principal, VerifiedToken } from './tokens';

/** The registry record a token speaks for: an enterprise by credit code, a regulator by enrollment id. */
export interface StandingSubject {
  kind: 'enterprise' | 'regulator';
  id: string;
}

/** What the ledger says of a subject. */
export interface Standing {
  status: 'active' | 'revoked' | 'unregistered';
  revokedAt?: string;
}

export type StandingLookup = (subject: StandingSubject) => Promise<Standing>;

/** Admin tokens speak for the platform itself and have no registry record. */
export function standingSubjectOf(principal: Principal): StandingSubject | undefined {
  if (principal.role === 'enterprise') return { kind: 'enterprise', id: principal.ent ?? principal.sub };
  return principal.role === 'regulator' ? { kind: 'regulator', id: principal.sub } : undefined;
}

export function describeSubject(subject: StandingSubject): string {
  return subject.kind === 'enterprise' ? `enterprise ${subject.id}` : `regulator identity ${subject.id}`;
}

/** Why a subject's tokens are refused, or undefined while it is active. */
export function standingRefusal(subject: StandingSubject, standing: Standing): string | undefined {
  if (standing.status === 'revoked') {
    return `${describeSubject(subject)} was revoked on the ledger at ${standing.revokedAt ?? '(unknown time)'}: its tokens are no longer accepted`;
  }
  return standing.status === 'unregistered' ? `${describeSubject(subject)} is not registered on the ledger: its tokens are not accepted` : undefined;
}

/** Reads a subject's standing from the ledger's registry. */
export function ledgerStanding(registry: RegistryReader): StandingLookup {
  return async (subject) => {
    const record = subject.kind === 'enterprise' ? await registry.enterprise(subject.id) : await registry.regulator(subject.id);
    return record ? { status: record.status, ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}) } : { status: 'unregistered' };
  };
}

/** How long a subject's standing is trusted before the ledger is asked again. */
const CACHE_MS = 5_000;
const CACHE_LIMIT = 50_000;

/**
 * Refuses (403) tokens of enterprises and regulators the ledger revoked, so a revoked principal's
 * still-valid token reads nothing either; chaincode refuses its writes on its own. Standing is cached
 * for a few seconds; revocations through this gateway drop the entry at once ({@link forget}). While
 * the ledger cannot be reached the last standing read is used, however old, and without one the
 * request fails (503): a token is never honoured on no evidence at all.
 */
export class PrincipalStanding implements TokenCheck {
  readonly #cache = new Map<string, { standing: Standing; fetchedAt: number }>();

  constructor(
    private readonly lookup: StandingLookup,
    private readonly now: () => number = Date.now,
  ) {}

  async check(token: VerifiedToken): Promise<void> {
    const subject = standingSubjectOf(token.principal);
    if (!subject) return;
    const refusal = standingRefusal(subject, await this.#standing(subject));
    if (refusal) {
      throw new Refusal('FORBIDDEN', refusal);
    }
  }

  /** The standing read from the ledger now, bypassing the cache (before issuing a token). */
  async current(subject: StandingSubject): Promise<Standing> {
    const standing = await this.lookup(subject);
    this.#remember(subject, standing);
    return standing;
  }

  forget(subject: StandingSubject): void {
    this.#cache.delete(keyOf(subject));
  }

  async #standing(subject: StandingSubject): Promise<Standing> {
    const cached = this.#cache.get(keyOf(subject));
    if (cached && this.now() - cached.fetchedAt < CACHE_MS) {
      return cached.standing;
    }
    try {
      return await this.current(subject);
    } catch (error) {
      if (cached) return cached.standing;
      throw error;
    }
  }

  #remember(subject: StandingSubject, standing: Standing): void {
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(keyOf(subject), { standing, fetchedAt: this.now() });
  }
}

const keyOf = (subject: StandingSubject): string => `${subject.kind}:${subject.id}`;
