import { Schema, type Connection, type Model } from 'mongoose';
import { PRIMARY_COLLECTION_PREFIX } from '../store/primaryData';

/**
 * What a projector run holds while it may write: its term (written into every checkpoint, so a
 * checkpoint of a newer term refuses it) and whether its lease is still safely inside its time.
 */
export interface ProjectionFence {
  readonly term: number;
  holds(): boolean;
}

/** A projector run that must stop: its lease ran out or a newer term took over. */
export class FencedOff extends Error {}

/** One term of the projector lease: inserted once under a unique `_id`, so two claimants of one term cannot both win. */
export interface LeaseTerm {
  /** `<lease>|<term, 10 digits>`. */
  _id: string;
  lease: string;
  term: number;
  holder: string;
  acquiredAt: Date;
  expiresAt: Date;
}

/** Terms kept per lease: older ones are deleted when a new term starts, so the collection stays a few documents. */
const KEPT_TERMS = 5;

export function leaseTermModel(connection: Connection): Model<LeaseTerm> {
  const schema = new Schema<LeaseTerm>(
    { _id: String, lease: String, term: Number, holder: String, acquiredAt: Date, expiresAt: Date },
    // Primary, not ledger-derived: a rebuild of the projection (which drops `ledger_*`) must not forget who projects.
    { collection: `${PRIMARY_COLLECTION_PREFIX}projector_terms`, versionKey: false },
  );
  return (connection.models.ProjectorLeaseTerm as Model<LeaseTerm> | undefined) ?? connection.model<LeaseTerm>('ProjectorLeaseTerm', schema);
}

const termId = (lease: string, term: number): string => `${lease}|${String(term).padStart(10, '0')}`;

/**
 * The lease that makes one gateway among several the projector (and the runner of scheduled work).
 * A claimant takes term n+1 when term n has expired, by inserting its document: the store's unique
 * `_id` lets exactly one claimant win. The holder renews before expiry and stops writing once its
 * lease may have run out (with a margin for clock drift between machines, which must stay within
 * seconds); the term in each checkpoint write fences off a holder that was paused past its expiry.
 *
 * @example
 * const lease = new ProjectorLease(leaseTermModel(store), 'traceledger/traceledger', `${hostname()}:${process.pid}`);
 * const fence = await lease.tryAcquire();
 * if (fence) await projector.run(fence);
 */
export class ProjectorLease {
  constructor(
    private readonly terms: Model<LeaseTerm>,
    readonly lease: string,
    readonly holder: string,
    readonly ttlMs = 15_000,
  ) {}

  async #latest(): Promise<LeaseTerm | undefined> {
    const terms = await this.terms.find({ lease: this.lease }).lean();
    return terms.sort((a, b) => b.term - a.term)[0];
  }

  /**
   * Takes the next term if the current one has expired (or, with `force`, at once: a reprojection
   * replaces the running projector). Resolves with the fence of the new term, or undefined when
   * another holder's term is current or another claimant won.
   */
  async tryAcquire(force = false): Promise<(ProjectionFence & { renew(): Promise<boolean>; release(): Promise<void> }) | undefined> {
    const latest = await this.#latest();
    const now = Date.now();
    if (latest && !force && latest.expiresAt.getTime() > now && latest.holder !== this.holder) return undefined;
    const term = (latest?.term ?? 0) + 1;
    let validUntil = now + this.ttlMs;
    try {
      await this.terms.create({ _id: termId(this.lease, term), lease: this.lease, term, holder: this.holder, acquiredAt: new Date(now), expiresAt: new Date(validUntil) });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return undefined;
      throw error;
    }
    await this.terms.deleteMany({ lease: this.lease, term: { $lte: term - KEPT_TERMS } });
    // Stop writing a fifth of the lease before it runs out: another gateway may judge it expired by its own clock.
    const margin = this.ttlMs / 5;
    return {
      term,
      holds: () => Date.now() < validUntil - margin,
      renew: async () => {
        const started = Date.now();
        const renewed = await this.terms.updateOne({ _id: termId(this.lease, term), holder: this.holder }, { $set: { expiresAt: new Date(started + this.ttlMs) } });
        const replaced = await this.terms.exists({ _id: termId(this.lease, term + 1) });
        if (renewed.matchedCount === 0 || replaced) {
          validUntil = 0;
          return false;
        }
        validUntil = started + this.ttlMs;
        return true;
      },
      release: async () => {
        validUntil = 0;
        await this.terms.updateOne({ _id: termId(this.lease, term), holder: this.holder }, { $set: { expiresAt: new Date(0) } });
      },
    };
  }
}
