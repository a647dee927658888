import {
  batchFactsOf,
  dayOf,
  DrugAudiences,
  facetsAt,
  identificationOf,
  LedgerError,
  serialBucketOf,
  serialOfCode,
  productFactsOf,
  verdictOf,
  type CodeFacets,
  type DrugPack,
  type InclusionProof,
  type SerialBucket,
  type Verdict,
  type VerifiedBatch,
  type VerifiedProduct,
} from '../../../model/src';
import { audienceOfReader, readerOf } from '../registry/readerAudience';
import { knownCode } from './codeLookup';
import { holdsOn, positionOf } from './codePosition';
import { serialBucketKey } from './drugKeys';
import type { DrugSession } from './drugSession';
import { readPack } from './packing';
import { requireBatch, requireProduct } from './products';

/** What anyone learns from a scan or a typed code. */
export interface CodeVerification {
  code: string;
  verdict: Verdict;
  level?: string;
  product?: VerifiedProduct;
  batch?: VerifiedBatch;
  /** For a used code: the day and city of its first use. */
  used?: { state: string; day: string; cityRegion?: string };
  holds?: { on: string; state: string; reason: string }[];
}

const todayOf = (session: DrugSession): string => session.now.slice(0, 10);

/**
 * The verdict on a code and the drug's facts, as the public sees them. A code that is not known (no
 * commissioning, or its proof fails) is `unknown` and nothing else is said.
 */
export async function verifyCode(session: DrugSession, code: string, proof: InclusionProof): Promise<CodeVerification> {
  let known;
  try {
    known = await knownCode(session, { code, proof }, 'code');
  } catch (error) {
    if (error instanceof LedgerError && error.kind === 'INVALID') return { code, verdict: 'unknown' };
    throw error;
  }
  const position = await positionOf(session, known);
  const product = await requireProduct(session, known.commissioning.productId);
  const batch = await requireBatch(session, known.commissioning.productId, known.commissioning.batchNumber);
  const holds = await holdsOn(session, position);
  const facets = position.chain.map((link) => link.facets);
  const own = facets[0];
  return {
    code,
    verdict: verdictOf({ known: true, facets, batch, productHold: product.hold, today: todayOf(session) }),
    level: known.commissioning.level,
    product: productFactsOf(product),
    batch: batchFactsOf(batch),
    ...((own.state === 'dispensed' || own.state === 'sold') && own.change
      ? { used: { state: own.state, day: dayOf(own.change.eventTime), ...(own.change.region ? { cityRegion: `${own.change.region.slice(0, 4)}00` } : {}) } }
      : {}),
    ...(holds.length > 0 ? { holds: holds.map(({ on, hold }) => ({ on, state: hold.state, reason: hold.reason })) } : {}),
  };
}

/** A pack as the caller sees it: its holder, its packer and regulators see the children; anyone else its count. */
export async function packAsSeen(session: DrugSession, code: string, proof: InclusionProof): Promise<DrugPack | ReturnType<typeof DrugAudiences.pack.public>> {
  const known = await knownCode(session, { code, proof }, 'code');
  const pack = await readPack(session, known);
  if (!pack) throw new LedgerError('NOT_FOUND', `code ${code} was never packed`);
  const position = await positionOf(session, known);
  const audience = audienceOfReader(await readerOf(session.ctx), [position.holder, pack.packedBy]);
  return DrugAudiences.pack[audience](pack);
}

/** One state of a code, from the history of its bucket. */
export interface CodeVersion {
  txId: string;
  timestamp: string;
  facets: CodeFacets;
}

/**
 * A code's full history: every state its bucket key held, kept where the code's own facts changed.
 * Regulators (and the gateway's reader) read it whole; anyone else reads the days and states only.
 */
export async function codeHistory(session: DrugSession, code: string): Promise<CodeVersion[] | { day: string; state: string }[]> {
  const serial = serialOfCode(code);
  const iterator = await session.ctx.stub.getHistoryForKey(serialBucketKey(session.ctx, identificationOf(code), serialBucketOf(serial)));
  const versions: CodeVersion[] = [];
  try {
    for (let entry = await iterator.next(); !entry.done; entry = await iterator.next()) {
      const { isDelete, value, timestamp, txId } = entry.value;
      if (isDelete) continue;
      const bucket = JSON.parse(Buffer.from(value).toString('utf8')) as SerialBucket;
      const millis = Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1e6);
      versions.push({ txId, timestamp: new Date(millis).toISOString(), facets: facetsAt(bucket, serial) });
    }
  } finally {
    await iterator.close();
  }
  // The history database answers newest first; keep the versions where this code changed.
  const changes = versions.reverse().filter((version, index, all) => index === 0 || JSON.stringify(version.facets) !== JSON.stringify(all[index - 1].facets));
  const reader = await readerOf(session.ctx);
  return reader === 'regulator' ? changes : changes.map((version) => ({ day: dayOf(version.timestamp), state: version.facets.state ?? 'active' }));
}
