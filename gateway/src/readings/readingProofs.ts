import { auditPath, type InclusionProof, type ReadingAnchor, type ReadingProof, type TemperatureReading } from '../../../model/src';
import type { ClientIdentity, Ledger } from '../fabric';
import { conflictRequest, HttpError, notFoundRequest } from '../http/httpError';
import { LoggerLedger } from './loggerContext';
import { compareLeafOrder } from './readingWindows';
import { readingDocumentId, type ReadingAssurance, type ReadingModels, type StoredReading } from './readingStore';

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
 * (in leaf order: time, then reading id) and the root anchored on the ledger, so the answer can be checked with
 * `verifyReadingProof` by anyone, without trusting this gateway.
 */
export class ReadingProofs {
  readonly #loggers: LoggerLedger;

  constructor(
    private readonly models: ReadingModels,
    ledger: Ledger,
    readerIdentity: ClientIdentity,
  ) {
    this.#loggers = new LoggerLedger(ledger, readerIdentity);
  }

  async proofOf(loggerId: string, readingId: string): Promise<ReadingProofAnswer> {
    const stored = await this.models.readings.findById(readingDocumentId(loggerId, readingId)).lean<StoredReading>();
    if (!stored) {
      throw notFoundRequest(`logger ${loggerId} has no reading ${readingId}`);
    }
    const window = stored.window;
    if (!window) {
      throw conflictRequest(`reading ${readingId} of logger ${loggerId} is stored but not anchored yet: retry its upload with the same Idempotency-Key, or upload it again`, { 'Retry-After': '5' });
    }
    const leaves = (
      await this.models.readings.find({ loggerId, 'window.windowStart': window.windowStart }, { readingId: 1, timeMs: 1, leafHash: 1 }).lean<Pick<StoredReading, 'readingId' | 'timeMs' | 'leafHash'>[]>()
    ).sort(compareLeafOrder);
    const leafIndex = leaves.findIndex((leaf) => leaf.readingId === readingId);
    if (leaves.length !== window.treeSize || leafIndex < 0) {
      throw new HttpError(500, `the stored leaves of window ${window.windowStart} of logger ${loggerId} are incomplete`);
    }
    const anchor = await this.#loggers.anchor(loggerId, window.windowStart);
    return {
      reading: { loggerId, readingId, time: stored.time, tenthsC: stored.tenthsC },
      proof: auditPath(leaves.map((leaf) => Buffer.from(leaf.leafHash, 'hex')), leafIndex),
      merkleRoot: anchor.merkleRoot,
      anchor,
      assurance: stored.assurance,
    };
  }
}
