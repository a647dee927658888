import type { Request } from 'express';
import crypto from 'node:crypto';
import type { Model } from 'mongoose';
import { canonicalJson } from '../../../model/src';
import { findCommittedTransaction, ledgerRefusalOf, VALID, type ClientIdentity, type Ledger } from '../fabric';
import type { Gateway } from '@hyperledger/fabric-gateway';
import type { IdempotencyRecord } from '../store/primaryData';
import { badRequest, conflictRequest, HttpError } from './httpError';
import { toHttpError } from './errorMapping';

export interface WriteAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

/** How long a retry waits before re-sending a pending proposal, so it does not race the first attempt. */
const PENDING_GRACE_MS = 2_000;

/**
 * Writes that are safe to retry. The proposal is prepared (its transaction id fixed) and stored with
 * the Idempotency-Key before anything is sent. A retry of a finished request gets the stored answer;
 * a retry of an unfinished one first asks the ledger whether that transaction id committed, and only
 * if not re-sends the very same proposal — Fabric refuses a second transaction with the same id, so
 * nothing is ever written twice.
 */
export class IdempotentWriter {
  constructor(
    private readonly ledger: Ledger,
    private readonly records: Model<IdempotencyRecord>,
    private readonly reader: Gateway,
  ) {}

  /**
   * Submits `fn(args)` once per (subject, Idempotency-Key, step). Routes that make several
   * transactions for one request name each step.
   */
  async write(request: Request, subject: string, identity: ClientIdentity, fn: string, args: string[], step = 'main', successStatus = 201): Promise<WriteAnswer> {
    const key = idempotencyKeyOf(request.header('Idempotency-Key'), (request.body as { idempotencyKey?: unknown } | undefined)?.idempotencyKey);
    const id = `${subject}:${key}:${step}`;
    const requestHash = crypto.createHash('sha256').update(`${request.method} ${request.originalUrl}\n${canonicalJson(request.body ?? {})}`).digest('hex');
    // The common case is a first attempt: claim the key by inserting; only a duplicate reads back.
    const proposal = this.ledger.prepare(identity, fn, args);
    const pending: IdempotencyRecord = { _id: id, requestHash, txId: proposal.getTransactionId(), proposal: Buffer.from(proposal.getBytes()).toString('base64'), state: 'pending', createdAt: new Date() };
    try {
      await this.records.create(pending);
      return await this.#send(id, identity, fn, args, pending.proposal, successStatus);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const record = await this.records.findById(id).lean<IdempotencyRecord>();
    if (!record) {
      throw conflictRequest('a request with this Idempotency-Key is in progress; retry shortly', { 'Retry-After': '2' });
    }
    if (record.requestHash !== requestHash) {
      throw new HttpError(422, 'this Idempotency-Key was already used for a different request');
    }
    if (record.state === 'done') {
      return { status: record.status ?? 200, body: record.body, replayed: true };
    }
    if (Date.now() - new Date(record.createdAt).getTime() < PENDING_GRACE_MS) {
      throw conflictRequest('a request with this Idempotency-Key is in progress; retry shortly', { 'Retry-After': '2' });
    }
    const committed = await findCommittedTransaction(this.reader, this.ledger.channel, record.txId);
    if (committed) {
      const answer =
        committed.validationCode === VALID
          ? { status: successStatus, body: { result: decode(committed.response), txId: committed.txId, blockNumber: committed.blockNumber } }
          : { status: 409, body: { title: 'not committed', detail: `transaction ${committed.txId} was invalidated (code ${committed.validationCode})` } };
      await this.#finish(id, answer.status, answer.body);
      return { ...answer, replayed: true };
    }
    return this.#send(id, identity, fn, args, record.proposal, successStatus);
  }

  async #send(id: string, identity: ClientIdentity, fn: string, args: string[], proposalBase64: string, successStatus: number): Promise<WriteAnswer> {
    const proposal = this.ledger.gatewayFor(identity).newProposal(Buffer.from(proposalBase64, 'base64'));
    try {
      const committed = await this.ledger.submit<unknown>(identity, fn, args, proposal);
      const body = { result: committed.result, txId: committed.txId, blockNumber: committed.blockNumber };
      await this.#finish(id, successStatus, body);
      return { status: successStatus, body, replayed: false };
    } catch (error) {
      // A refusal by chaincode is final: remember it. Unknown outcomes and read conflicts stay pending for a retry.
      if (ledgerRefusalOf(error)) {
        const http = toHttpError(error);
        await this.#finish(id, http.status, { title: 'refused', status: http.status, detail: http.message });
      }
      throw error;
    }
  }

  async #finish(id: string, status: number, body: unknown): Promise<void> {
    await this.records.updateOne({ _id: id }, { $set: { state: 'done', status, body } });
  }
}

/**
 * The request's Idempotency-Key: the header, or — since browsers' HTML forms cannot set headers — an
 * `idempotencyKey` field of the body. Both may be sent, if they agree: two different keys would leave
 * it to chance which one a retry has to repeat.
 */
export function idempotencyKeyOf(header: string | undefined, field: unknown): string {
  const fromField = typeof field === 'string' ? field : undefined;
  if (header !== undefined && fromField !== undefined && header !== fromField) {
    // The keys themselves stay out of the answer: like tokens, they are never logged.
    throw badRequest("the Idempotency-Key header and the body's idempotencyKey differ: send one key, or the same in both");
  }
  const key = header ?? fromField;
  if (!key || !/^[A-Za-z0-9._:-]{8,128}$/.test(key)) {
    throw badRequest('the Idempotency-Key header is required on write routes (HTML forms: an idempotencyKey field): 8–128 letters, digits or . _ : -');
  }
  return key;
}

function decode(bytes: Uint8Array | undefined): unknown {
  const text = bytes ? Buffer.from(bytes).toString('utf8') : '';
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** The HTTP answer of a write; a replayed one says so in a header. */
export function answerOf(answer: WriteAnswer): { status: number; body: unknown; headers: Record<string, string> } {
  return { status: answer.status, body: answer.body, headers: answer.replayed ? { 'Idempotent-Replayed': 'true' } : {} };
}

/** MongoDB's (and FerretDB's) duplicate key error. */
function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
