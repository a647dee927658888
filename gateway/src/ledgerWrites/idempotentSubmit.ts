import type { Gateway, Proposal } from '@hyperledger/fabric-gateway';
import crypto from 'node:crypto';
import type { Model } from 'mongoose';
import { canonicalJson } from '../../../model/src';
import { findCommittedTransaction, ledgerRefusalOf, VALID, type ClientIdentity, type Ledger } from '../fabric';
import { Refusal } from '../refusal';
import type { IdempotencyRecord } from './idempotencyRecords';
import type { WriteOutcome, WriteResult } from './writeOutcome';

/** How long a retry waits before re-sending a pending proposal, so it does not race the first attempt. */
const PENDING_GRACE_MS = 2_000;

/** One write of one client request: who asks, under which Idempotency-Key, and which step of the request it is. */
export interface IdempotentWrite {
  /** The principal's subject: keys are the client's own, so two clients may pick the same. */
  subject: string;
  idempotencyKey: string;
  /** Requests that make several transactions name each one (`register`, `bind`, …); `main` otherwise. */
  step: string;
  /** Hash of the request (see {@link requestHashOf}): the key may not be reused for another request. */
  requestHash: string;
}

/** The hash a request is recognised by when its Idempotency-Key comes again: method, URL and canonical body. */
export function requestHashOf(method: string, url: string, body: unknown): string {
  return crypto.createHash('sha256').update(`${method} ${url}\n${canonicalJson(body ?? {})}`).digest('hex');
}

const inProgress = (): Refusal => new Refusal('CONFLICT', 'a request with this Idempotency-Key is in progress; retry shortly', 2);

/**
 * Ledger writes that are safe to retry. The proposal is prepared (its transaction id fixed) and
 * recorded with the key before anything is sent. A retry of a finished write gets the remembered
 * outcome; a retry of an unfinished one first asks the ledger whether that transaction id committed,
 * and only if not re-sends the very same proposal — Fabric refuses a second transaction with the same
 * id, so nothing is ever written twice.
 *
 * @example
 * const { outcome, replayed } = await submitter.submitOnce(identity, 'trace:recordEvent', [JSON.stringify(event)],
 *   { subject: principal.sub, idempotencyKey, step: 'main', requestHash: requestHashOf('POST', '/trace/events', event) });
 */
export class IdempotentSubmitter {
  constructor(
    private readonly ledger: Ledger,
    private readonly records: Model<IdempotencyRecord>,
    private readonly reader: Gateway,
  ) {}

  /**
   * Submits `fn(args)` once per (subject, key, step). A chaincode refusal is thrown on the attempt that
   * meets it and remembered for replays; an unknown outcome or a read conflict is thrown and left
   * pending for a retry with the same key. Throws a CONFLICT {@link Refusal} while another attempt is
   * in progress and KEY_REUSED when the key was used for another request.
   */
  async submitOnce(identity: ClientIdentity, fn: string, args: string[], write: IdempotentWrite): Promise<WriteResult> {
    const id = `${write.subject}:${write.idempotencyKey}:${write.step}`;
    // The common case is a first attempt: claim the key by inserting; only a duplicate reads back.
    const proposal = this.ledger.prepare(identity, fn, args);
    const pending: IdempotencyRecord = {
      _id: id,
      requestHash: write.requestHash,
      txId: proposal.getTransactionId(),
      proposal: Buffer.from(proposal.getBytes()).toString('base64'),
      state: 'pending',
      createdAt: new Date(),
    };
    try {
      await this.records.create(pending);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return this.#retry(id, identity, write.requestHash);
    }
    return this.#send(id, proposal);
  }

  async #retry(id: string, identity: ClientIdentity, requestHash: string): Promise<WriteResult> {
    const record = await this.records.findById(id).lean<IdempotencyRecord>();
    if (!record) {
      throw inProgress();
    }
    if (record.requestHash !== requestHash) {
      throw new Refusal('KEY_REUSED', 'this Idempotency-Key was already used for a different request');
    }
    if (record.state === 'done' && record.outcome) {
      return { outcome: record.outcome, replayed: true };
    }
    if (Date.now() - new Date(record.createdAt).getTime() < PENDING_GRACE_MS) {
      throw inProgress();
    }
    const committed = await findCommittedTransaction(this.reader, this.ledger.channel, record.txId);
    if (committed) {
      const outcome: WriteOutcome =
        committed.validationCode === VALID
          ? { kind: 'committed', committed: { result: decode(committed.response), txId: committed.txId, blockNumber: committed.blockNumber } }
          : { kind: 'invalidated', txId: committed.txId, validationCode: committed.validationCode };
      await this.#finish(id, outcome);
      return { outcome, replayed: true };
    }
    // Only here is the stored form read back: the attempt that prepared the proposal died before its outcome was known.
    return this.#send(id, this.ledger.preparedAgain(identity, Buffer.from(record.proposal, 'base64')));
  }

  async #send(id: string, proposal: Proposal): Promise<WriteResult> {
    try {
      const committed = await this.ledger.submitPrepared<unknown>(proposal);
      const outcome: WriteOutcome = { kind: 'committed', committed: { result: committed.result, txId: committed.txId, blockNumber: committed.blockNumber } };
      await this.#finish(id, outcome);
      return { outcome, replayed: false };
    } catch (error) {
      // A refusal by chaincode is final: remember it. Unknown outcomes and read conflicts stay pending for a retry.
      const refusal = ledgerRefusalOf(error);
      if (refusal) {
        await this.#finish(id, { kind: 'refused', refusal });
      }
      throw error;
    }
  }

  async #finish(id: string, outcome: WriteOutcome): Promise<void> {
    await this.records.updateOne({ _id: id }, { $set: { state: 'done', outcome } });
  }
}

function decode(bytes: Uint8Array | undefined): unknown {
  const text = bytes ? Buffer.from(bytes).toString('utf8') : '';
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** MongoDB's (and FerretDB's) duplicate key error. */
function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
