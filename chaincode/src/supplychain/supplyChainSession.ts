import type { Context } from 'fabric-contract-api';
import { createHash } from 'node:crypto';
import {
  conflict,
  DERIVATIONS_PAST_CUSTODY_LIMIT,
  MAX_CUSTODY_EVENTS_PER_LOT,
  notFound,
  type CustodyRecord,
  type CustodyTransaction,
  type Enterprise,
  type LineageLink,
  type RiskAlert,
  type SupplyChainLedgerUpdate,
  type TracedItem,
} from '../../../model/src';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent, readRecord, writeRecord } from '../common/state';
import { GtinUse } from '../registry/brandPrefixes';
import { readEnterprise } from '../registry/enterpriseStore';
import { requireNotBeforeProduction } from './lotRules';
import { alertKey, childLinkKey, custodyTransactionKey, holderKey, lotCustodyKey, lotKey, parentLinkKey } from './supplyChainKeys';

/**
 * 72 bits of SHA-256 of a custody event id, base64url (12 characters): what a lot keeps of each of its
 * event ids to refuse a replay. Event ids are unique per lot, so only a lot's own digests are compared.
 */
export function custodyEventDigest(eventId: string): string {
  return createHash('sha256').update(eventId, 'utf8').digest().subarray(0, 9).toString('base64url');
}

/**
 * The unit of work of one supply-chain transaction. `getState` does not see the transaction's own
 * `putState`, so the session keeps what it read and what it will write: a batch that touches one
 * lot many times sees its own changes, writes each key once, and reports every record it wrote in
 * the transaction's single chaincode event. `Item` is the domain's traced item (e.g. `ColdChainLot`)
 * and `Update` its event bundle, which `emptyUpdate` lays out with every list the domain always reports.
 */
export class SupplyChainSession<Item extends TracedItem = TracedItem, Update extends SupplyChainLedgerUpdate<Item> = SupplyChainLedgerUpdate<Item>> {
  readonly now: string;
  readonly txId: string;
  /** Brand checks of this transaction, remembered across its lots. */
  readonly gtinUse: GtinUse;
  private readonly staged = new Map<string, { record: unknown; bucket: string | undefined }>();
  private readonly lots = new Map<string, Item>();
  /** Each lot's custodian as the ledger held it before this transaction. */
  private readonly custodianAtRead = new Map<string, string>();
  private readonly enterprises = new Map<string, Enterprise | undefined>();
  /** The custody records this transaction made, all written under one key. */
  private readonly custodyRecords: CustodyRecord[] = [];
  /** Records reported in the chaincode event only (a shipment confirmed by a receipt of this transaction). */
  private readonly reportedOnly: CustodyRecord[] = [];
  private readonly custodyTransactions = new Map<string, CustodyTransaction | undefined>();
  /** Links of earlier transactions reported with corrected figures, their keys left as written. */
  private readonly reportedLinks: LineageLink[] = [];

  /** `actorId` is the enterprise (or `regulator:<enrollment id>`) the records name as their author. */
  constructor(
    readonly ctx: Context,
    readonly actorId: string,
    private readonly emptyUpdate: () => Update,
  ) {
    this.now = txTimeIso(ctx);
    this.txId = ctx.stub.getTxID();
    this.gtinUse = new GtinUse(ctx);
  }

  /** A record as this transaction sees it: staged here, else on the ledger. */
  async read<T>(key: string): Promise<T | undefined> {
    const staged = this.staged.get(key);
    return staged ? (staged.record as T) : readRecord<T>(this.ctx, key);
  }

  /** Stages a write; `bucket` names the list of the chaincode event that reports it (none for index copies). */
  stage(key: string, record: unknown, bucket: (keyof Update & string) | undefined): void {
    this.staged.set(key, { record, bucket });
  }

  /** The lot as this transaction sees it; later events of the transaction change this same object. */
  async findLot(lotId: string): Promise<Item | undefined> {
    if (!this.lots.has(lotId)) {
      const lot = await this.read<Item>(lotKey(this.ctx, lotId));
      if (lot) {
        this.lots.set(lotId, lot);
        this.custodianAtRead.set(lotId, lot.custodianId);
      }
      return lot;
    }
    return this.lots.get(lotId);
  }

  async lot(lotId: string): Promise<Item> {
    const lot = await this.findLot(lotId);
    if (!lot) {
      throw notFound(`lot ${lotId} does not exist`);
    }
    return lot;
  }

  /** Marks a lot changed by this transaction (new lots too). */
  putLot(lot: Item): void {
    lot.updatedAt = this.now;
    lot.updatedTxId = this.txId;
    this.lots.set(lot.id, lot);
    this.stage(lotKey(this.ctx, lot.id), lot, 'lots');
    // Only when custody changed hands (or the lot is new): each write is a round trip to the peer, and
    // most custody events keep the custodian. A blind write: no read, so no conflict between writers.
    if (this.custodianAtRead.get(lot.id) !== lot.custodianId) {
      this.stage(holderKey(this.ctx, lot.id, lot.custodianId), { lotId: lot.id, enterpriseId: lot.custodianId }, undefined);
    }
  }

  async enterprise(enterpriseId: string): Promise<Enterprise | undefined> {
    if (!this.enterprises.has(enterpriseId)) {
      this.enterprises.set(enterpriseId, await readEnterprise(this.ctx, enterpriseId));
    }
    return this.enterprises.get(enterpriseId);
  }

  /** Appends an event to a lot's custody log; an event id already in the lot's log is refused. */
  async appendCustody(lot: Item, event: Omit<CustodyRecord, 'sequence' | 'recordedAt' | 'txId' | 'lotId'>): Promise<CustodyRecord> {
    requireNotBeforeProduction(lot, event.eventTime, 'eventTime');
    const digest = custodyEventDigest(event.eventId);
    // Lots written before digests existed have none.
    lot.eventIdDigests ??= [];
    if (lot.eventIdDigests.includes(digest)) {
      throw conflict(`event ${event.eventId} is already recorded for lot ${lot.id}`);
    }
    // A full lot can still be split, merged or transformed into new lots, which start empty logs.
    const derivation = event.action === 'split' || event.action === 'merge' || event.action === 'transform';
    if (lot.eventCount >= MAX_CUSTODY_EVENTS_PER_LOT + (derivation ? DERIVATIONS_PAST_CUSTODY_LIMIT : 0)) {
      throw conflict(`lot ${lot.id} has reached its limit of ${MAX_CUSTODY_EVENTS_PER_LOT} custody events; split it into new lots to record more, or sell serialised units`);
    }
    if (derivation && lot.eventCount === 0) {
      // A derived lot's first event makes it: its custody begins there, not at the production date it
      // inherits from its inputs, whose earlier custody may have been someone else's.
      lot.custodySince = event.eventTime;
    }
    lot.eventIdDigests.push(digest);
    lot.eventCount += 1;
    const record: CustodyRecord = { ...event, lotId: lot.id, sequence: lot.eventCount, recordedAt: this.now, txId: this.txId };
    this.custodyRecords.push(record);
    return record;
  }

  /** A custody record of an earlier transaction (read once per transaction, however many records are wanted). */
  async custodyRecord(txId: string, lotId: string, eventId: string): Promise<CustodyRecord | undefined> {
    if (txId === this.txId) {
      return this.custodyRecords.find((record) => record.lotId === lotId && record.eventId === eventId);
    }
    if (!this.custodyTransactions.has(txId)) {
      this.custodyTransactions.set(txId, await readRecord<CustodyTransaction>(this.ctx, custodyTransactionKey(this.ctx, txId)));
    }
    return this.custodyTransactions.get(txId)?.records.find((record) => record.lotId === lotId && record.eventId === eventId);
  }

  /** Reports a changed record of an earlier transaction in this transaction's event, without rewriting its key. */
  reportCustodyRecord(record: CustodyRecord): void {
    this.reportedOnly.push(record);
  }

  /** Raises an alert unless the lot already has one with this id (idempotent per episode or event). */
  async raiseAlert(alert: Omit<RiskAlert, 'status' | 'raisedAt' | 'txId'>): Promise<void> {
    const key = alertKey(this.ctx, alert.lotId, alert.alertId);
    if (await this.read(key)) {
      return;
    }
    this.stage(key, { ...alert, status: 'open', raisedAt: this.now, txId: this.txId } satisfies RiskAlert, 'alerts');
  }

  /** Records a parent → child edge under both ends. */
  addLineage(link: LineageLink): void {
    this.stage(childLinkKey(this.ctx, link.parentId, link.childId), link, 'lineage');
    this.stage(parentLinkKey(this.ctx, link.childId, link.parentId), link, undefined);
  }

  /** Reports a link of an earlier transaction as readers now see it (corrected), without rewriting its key. */
  reportLineage(link: LineageLink): void {
    this.reportedLinks.push(link);
  }

  /**
   * Writes every staged record and emits the transaction's one event listing them; `extra` carries
   * what another session of the same transaction wrote (the drug batches a recall's opening held).
   */
  async commit(eventName: string, extra: Partial<Update> = {}): Promise<Update> {
    const update = { ...this.emptyUpdate(), ...extra };
    const lists = update as unknown as Partial<Record<string, unknown[]>>;
    for (const [key, { record, bucket }] of this.staged) {
      await writeRecord(this.ctx, key, record);
      if (bucket) {
        // The unit lists are optional: only transactions that wrote units carry them.
        (lists[bucket] ??= []).push(record);
      }
    }
    if (this.custodyRecords.length > 0) {
      await writeRecord(this.ctx, custodyTransactionKey(this.ctx, this.txId), { txId: this.txId, records: this.custodyRecords } satisfies CustodyTransaction);
      // Each lot's own index of the transactions that hold its records: a write that needs the log
      // reads it by range (re-checked at commit), never from the history database (not re-checked).
      for (const lotId of new Set(this.custodyRecords.map((record) => record.lotId))) {
        await writeRecord(this.ctx, lotCustodyKey(this.ctx, lotId, this.txId), { txId: this.txId });
      }
    }
    update.custodyEvents.push(...this.custodyRecords, ...this.reportedOnly);
    update.lineage.push(...this.reportedLinks);
    emitLedgerEvent(this.ctx, eventName, update);
    return update;
  }
}
