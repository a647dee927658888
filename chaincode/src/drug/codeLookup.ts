import {
  claimBlockOf,
  facetsAt,
  identificationOf,
  invalid,
  serialBucketOf,
  serialDigits,
  serialOfCode,
  SERIAL_BUCKET_SIZE,
  verifyCodeInclusion,
  runsWithin,
  withFacets,
  type ChildRange,
  type CodeFacets,
  type CodeRun,
  type CommissioningClaim,
  type DrugCommissioning,
  type ProvenCode,
  type SerialBucket,
} from '../../../model/src';
import { claimKey, commissioningKey, serialBucketKey } from './drugKeys';
import type { DrugSession } from './drugSession';

/** A code the ledger knows: its identification code, serial and commissioning (and its 20 digits when named in full). */
export interface KnownCode {
  code: string;
  idCode: string;
  serial: number;
  commissioning: DrugCommissioning;
}

/** The commissioning whose span holds a serial: one claim key and one commissioning key, both shared by neighbours. */
export async function commissioningOfSerial(session: DrugSession, idCode: string, serial: number): Promise<DrugCommissioning | undefined> {
  const claim = await session.read<CommissioningClaim>(claimKey(session.ctx, idCode, claimBlockOf(serial)));
  const span = claim?.spans.find((s) => s.from <= serial && serial <= s.to);
  return span ? session.read<DrugCommissioning>(commissioningKey(session.ctx, span.commissioningId)) : undefined;
}

/**
 * The code named in full with its proof, or a refusal naming `field`: unknown when no commissioning
 * holds its serial, or when its proof does not lead to that commissioning's root (the right serial
 * with guessed check digits).
 */
export async function knownCode(session: DrugSession, { code, proof }: ProvenCode, field: string): Promise<KnownCode> {
  const idCode = identificationOf(code);
  const serial = serialOfCode(code);
  const commissioning = await commissioningOfSerial(session, idCode, serial);
  if (!commissioning) throw invalid(`${field}: code ${code} is unknown: no commissioning of identification code ${idCode} holds serial ${serialDigits(serial)}`);
  if (proof.treeSize !== commissioning.count || !verifyCodeInclusion(code, proof, commissioning.merkleRoot)) {
    throw invalid(`${field}: code ${code} is unknown: it is not in the code list commissioned as ${commissioning.id} (wrong check digits, or a proof of another code)`);
  }
  return { code, idCode, serial, commissioning };
}

/** A code the ledger itself recorded (a parent of a pack): checked when it was written, so no proof. */
export async function recordedCode(session: DrugSession, code: string): Promise<KnownCode> {
  const idCode = identificationOf(code);
  const serial = serialOfCode(code);
  const commissioning = await commissioningOfSerial(session, idCode, serial);
  if (!commissioning) throw invalid(`the ledger names code ${code}, which no commissioning holds`);
  return { code, idCode, serial, commissioning };
}

/**
 * A range of children inside one contiguous commissioning, whose every serial was issued; a range in
 * a scattered list is refused, since some of its serials were never codes.
 */
export async function knownRange(session: DrugSession, range: ChildRange, field: string): Promise<DrugCommissioning> {
  const commissioning = await commissioningOfSerial(session, range.idCode, range.from);
  if (!commissioning || commissioning.lastSerial < range.to) {
    throw invalid(`${field}: serials ${serialDigits(range.from)}..${serialDigits(range.to)} of identification code ${range.idCode} do not lie in one commissioning`);
  }
  if (!commissioning.contiguous) {
    throw invalid(`${field}: commissioning ${commissioning.id} is a list, not a contiguous range: name its codes one by one, each with its proof`);
  }
  return commissioning;
}

export async function serialBucket(session: DrugSession, idCode: string, bucket: number): Promise<SerialBucket> {
  return (await session.read<SerialBucket>(serialBucketKey(session.ctx, idCode, bucket))) ?? { idCode, bucket, runs: [] };
}

/** The facts of one code. */
export async function facetsOfCode(session: DrugSession, idCode: string, serial: number): Promise<CodeFacets> {
  return facetsAt(await serialBucket(session, idCode, serialBucketOf(serial)), serial);
}

/** Each run of `from..to` as it stands now, bucket by bucket, with its facts. */
export async function runsOf(session: DrugSession, idCode: string, from: number, to: number): Promise<CodeRun[]> {
  const out: CodeRun[] = [];
  for (let b = serialBucketOf(from); b <= serialBucketOf(to); b++) {
    const bucket = await serialBucket(session, idCode, b);
    out.push(...runsWithin(bucket, Math.max(from, b * SERIAL_BUCKET_SIZE), Math.min(to, (b + 1) * SERIAL_BUCKET_SIZE - 1)));
  }
  return out;
}

/** Changes the facts of serials `from..to` of an identification code, bucket by bucket. */
export async function changeSerials(session: DrugSession, idCode: string, from: number, to: number, change: (facets: CodeFacets) => CodeFacets): Promise<void> {
  for (let b = serialBucketOf(from); b <= serialBucketOf(to); b++) {
    const bucket = await serialBucket(session, idCode, b);
    const changed = withFacets(bucket, Math.max(from, b * SERIAL_BUCKET_SIZE), Math.min(to, (b + 1) * SERIAL_BUCKET_SIZE - 1), change);
    session.stage(serialBucketKey(session.ctx, idCode, b), changed, 'buckets');
  }
}
