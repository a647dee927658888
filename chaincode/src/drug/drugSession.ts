import type { Context } from 'fabric-contract-api';
import { emptyDrugUpdate, type DrugLedgerUpdate, type DrugMovement, type Enterprise } from '../../../model/src';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent, readRecord, writeRecord } from '../common/state';
import { readEnterprise } from '../registry/enterpriseStore';

/** The lists of the drug bundle a staged record is reported in. */
type RecordList = Exclude<keyof DrugLedgerUpdate, 'movements' | 'outcomes'>;

/**
 * The unit of work of one drug transaction. `getState` does not see the transaction's own `putState`,
 * so the session keeps what it read and what it will write: a dispense of many codes of one box reads
 * and rewrites the box's bucket once, and sees its own earlier changes. At commit every staged key is
 * written once and reported, in its last state, in the transaction's one event.
 */
export class DrugSession {
  readonly now: string;
  readonly txId: string;
  readonly #read = new Map<string, unknown>();
  readonly #staged = new Map<string, { record: unknown; list: RecordList }>();
  readonly #enterprises = new Map<string, Enterprise | undefined>();
  readonly #movements: DrugMovement[] = [];

  /** `actorId` is the enterprise (or `regulator:<enrollment id>`, `intake`) the records name as their author. */
  constructor(
    readonly ctx: Context,
    readonly actorId: string,
  ) {
    this.now = txTimeIso(ctx);
    this.txId = ctx.stub.getTxID();
  }

  /** A record as this transaction sees it: staged here, else on the ledger (read once). */
  async read<T>(key: string): Promise<T | undefined> {
    const staged = this.#staged.get(key);
    if (staged) return staged.record as T;
    if (!this.#read.has(key)) this.#read.set(key, await readRecord<T>(this.ctx, key));
    return this.#read.get(key) as T | undefined;
  }

  /** Stages a write, reported in `list` of the event. */
  stage(key: string, record: unknown, list: RecordList): void {
    this.#staged.set(key, { record, list });
  }

  async enterprise(enterpriseId: string): Promise<Enterprise | undefined> {
    if (!this.#enterprises.has(enterpriseId)) this.#enterprises.set(enterpriseId, await readEnterprise(this.ctx, enterpriseId));
    return this.#enterprises.get(enterpriseId);
  }

  recordMovement(movement: Omit<DrugMovement, 'txId' | 'by'>): void {
    this.#movements.push({ ...movement, by: this.actorId, txId: this.txId });
  }

  /** Writes every staged record and emits the transaction's one event listing them. */
  async commit(eventName: string, extra: Partial<DrugLedgerUpdate> = {}): Promise<DrugLedgerUpdate> {
    const update = await this.write(extra);
    emitLedgerEvent(this.ctx, eventName, update);
    return update;
  }

  /**
   * Writes every staged record and answers the bundle listing them, emitting nothing: for a
   * transaction of another contract (a recall's opening holds batches) whose one event carries it.
   */
  async write(extra: Partial<DrugLedgerUpdate> = {}): Promise<DrugLedgerUpdate> {
    const update = { ...emptyDrugUpdate(), ...extra };
    const lists = update as unknown as Record<RecordList, unknown[]>;
    for (const [key, { record, list }] of this.#staged) {
      await writeRecord(this.ctx, key, record);
      lists[list].push(record);
    }
    update.movements.push(...this.#movements);
    return update;
  }
}
