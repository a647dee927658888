import { auditPath, type InclusionProof, type ReadingAnchor, type ReadingProof, type TemperatureReading } from '../../../model/src';
import type { ClientIdentity, Ledger } from '../fabric';
import { Refusal } from '../refusal';
import { LoggerLedger } from './loggerContext';
import type { ReadingAssurance, ReadingModels } from './readingStore';
import { ReadingWindowStore } from './readingWindowStore';

/** A {@link ReadingProof} plus the anchor it was checked against and the reading's assurance. */
export interface ReadingProofAnswer extends ReadingProof {
  reading: TemperatureReading;
  proof: InclusionProof;
  merkleRoot: string;
  anchor: ReadingAnchor;
  assurance: ReadingAssurance;
}

/**
 * Builds the inclusion proof of one stored reading: the audit path from the leaf hashes of its window
 * (stored in leaf order: time, then reading id) and the root anchored on the ledger, so the answer can be checked with
 * `verifyReadingProof` by anyone, without trusting this gateway.
 */
export class ReadingProofs {
  readonly #loggers: LoggerLedger;
  readonly #store: ReadingWindowStore;

  constructor(models: ReadingModels, ledger: Ledger, readerIdentity: ClientIdentity) {
    this.#loggers = new LoggerLedger(ledger, readerIdentity);
    this.#store = new ReadingWindowStore(models);
  }

  async proofOf(loggerId: string, readingId: string): Promise<ReadingProofAnswer> {
    const known = (await this.#store.known(loggerId, [readingId])).get(readingId);
    const header = known ? await this.#store.header(loggerId, known.windowStart) : null;
    if (!known || !header) {
      throw new Refusal('NOT_FOUND', `logger ${loggerId} has no reading ${readingId}`);
    }
    if (!header.anchor) {
      throw new Refusal('CONFLICT', `reading ${readingId} of logger ${loggerId} is stored but not anchored yet: retry its upload with the same Idempotency-Key, or upload it again`, 5);
    }
    const leaves = await this.#store.readings(loggerId, header);
    const leafIndex = leaves.findIndex((leaf) => leaf.readingId === readingId);
    if (leaves.length !== header.count || leafIndex < 0) {
      throw new Refusal('INCONSISTENT', `the stored leaves of window ${header.windowStart} of logger ${loggerId} are incomplete`);
    }
    const stored = leaves[leafIndex];
    const anchor = await this.#loggers.anchor(loggerId, header.windowStart);
    return {
      reading: { loggerId, readingId, time: stored.time, tenthsC: stored.tenthsC },
      proof: auditPath(leaves.map((leaf) => leaf.leaf), leafIndex),
      merkleRoot: anchor.merkleRoot,
      anchor,
      assurance: stored.deviceSigned ? 'device-signed' : 'typed',
    };
  }
}
