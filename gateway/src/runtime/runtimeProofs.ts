import type { Model } from 'mongoose';
import { auditPath, leafHash, merkleRoot, type RuntimeAnchor, type RuntimeSummary, type RuntimeSummaryProof } from '../../../model/src';
import type { ClientIdentity, Ledger } from '../fabric';
import { Refusal } from '../refusal';
import type { RuntimeUpload } from './runtimeStore';

/** A {@link RuntimeSummaryProof} plus the anchor, as the ledger holds it, that the root comes from. */
export interface RuntimeProofAnswer extends RuntimeSummaryProof {
  anchor: RuntimeAnchor;
}

const utc = (time: string): string => new Date(Date.parse(time)).toISOString();

/**
 * Builds the inclusion proof of one IoT runtime summary of a lift: the audit path from the leaves of
 * the upload that holds it (stored in leaf order) to the root anchored on the ledger, so anyone can
 * check it with `verifyRuntimeSummaryProof` without trusting this gateway.
 *
 * @example
 * const answer = await new RuntimeProofs(uploads, ledger, reader).proofOf('3110330108R7K2M9Q', '2026-11-27T06:00:00.000Z');
 * verifyRuntimeSummaryProof(answer) // true
 */
export class RuntimeProofs {
  constructor(
    private readonly uploads: Model<RuntimeUpload>,
    private readonly ledger: Ledger,
    private readonly reader: ClientIdentity,
  ) {}

  /** The proof of the summary of `deviceCode` whose window starts at `windowStart`. */
  async proofOf(deviceCode: string, windowStart: string): Promise<RuntimeProofAnswer> {
    const start = utc(windowStart);
    // Uploads are keyed `<deviceCode>|<first window start>`: the one holding the summary is the last that starts at or before it.
    const [upload] = await this.uploads.find({ _id: { $gte: `${deviceCode}|`, $lte: `${deviceCode}|${start}` } }).sort({ _id: -1 }).limit(1).lean();
    const lines = upload ? upload.lines.split('\n') : [];
    const summaries = lines.map((line) => JSON.parse(line) as RuntimeSummary & { deviceCode: string });
    const leafIndex = summaries.findIndex((summary) => summary.windowStart === start);
    if (!upload || leafIndex < 0) throw new Refusal('NOT_FOUND', `windowStart: elevator ${deviceCode} has no runtime summary from ${start} on record here`);
    const leaves = lines.map((line) => leafHash(Buffer.from(line, 'utf8')));
    if (merkleRoot(leaves).toString('hex') !== upload.merkleRoot) {
      throw new Refusal('INCONSISTENT', `the stored summaries of elevator ${deviceCode} from ${upload._id.split('|')[1]} no longer hash to their root`);
    }
    const anchor = await this.ledger.evaluate<RuntimeAnchor>(this.reader, 'elevator:getRuntimeAnchor', deviceCode, upload._id.split('|')[1]);
    const { windowEnd, runs, doorCycles, faults, trappedEvents } = summaries[leafIndex];
    const summary: RuntimeSummary = { windowStart: start, windowEnd, runs, doorCycles, faults, trappedEvents };
    return { deviceCode, summary, proof: auditPath(leaves, leafIndex), merkleRoot: anchor.merkleRoot, anchor };
  }
}
