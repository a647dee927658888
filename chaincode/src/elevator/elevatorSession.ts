import type { Context } from 'fabric-contract-api';
import {
  defaultRegionPolicy,
  emptyElevatorUpdate,
  MAX_ELEVATOR_LIFECYCLE_EVENTS,
  notFound,
  type Elevator,
  type ElevatorAlert,
  type ElevatorAlertKind,
  type ElevatorLedgerUpdate,
  type ElevatorLifecycleEvent,
  type RegionPolicyInput,
} from '../../../model/src';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent, readRecord, writeRecord } from '../common/state';
import { elevatorAlertKey, elevatorKey, registrationIndexKey, regionPolicyKey } from './elevatorKeys';

/**
 * The unit of work of one elevator transaction: `getState` does not see the transaction's own
 * `putState`, so the session keeps what it staged, writes each key once at commit, and reports every
 * record it wrote in the one chaincode event. `actorId` is the enterprise (or `regulator:<id>`) the
 * records name as their author.
 */
export class ElevatorSession {
  readonly now: string;
  readonly txId: string;
  private readonly staged = new Map<string, { record: unknown; bucket: keyof ElevatorLedgerUpdate | undefined }>();
  private readonly ledgerReads = new Map<string, Promise<unknown>>();

  constructor(
    readonly ctx: Context,
    readonly actorId: string,
  ) {
    this.now = txTimeIso(ctx);
    this.txId = ctx.stub.getTxID();
  }

  /**
   * What the transaction staged under `key`, else the ledger's value. Ledger reads are remembered: a
   * batch of a hundred visits of one firm reads its region's policy and its workers once, not per visit.
   */
  async read<T>(key: string): Promise<T | undefined> {
    const staged = this.staged.get(key);
    if (staged) return staged.record as T;
    let read = this.ledgerReads.get(key);
    if (!read) {
      read = readRecord<unknown>(this.ctx, key);
      this.ledgerReads.set(key, read);
    }
    return (await read) as T | undefined;
  }

  /** Stages a write; `bucket` names the list of the event that reports it (none for index entries). */
  stage(key: string, record: unknown, bucket: keyof ElevatorLedgerUpdate | undefined): void {
    this.staged.set(key, { record, bucket });
  }

  /** The lift by its registration certificate number; an unknown number is NOT_FOUND, naming the field. */
  async elevatorByRegistration(registrationNumber: string): Promise<Elevator> {
    const index = await this.read<{ deviceCode: string }>(registrationIndexKey(this.ctx, registrationNumber));
    if (!index) throw notFound(`registrationNumber: no elevator is registered under ${registrationNumber}`);
    return this.elevator(index.deviceCode);
  }

  async elevator(deviceCode: string): Promise<Elevator> {
    const elevator = await this.read<Elevator>(elevatorKey(this.ctx, deviceCode));
    if (!elevator) throw notFound(`deviceCode: no elevator ${deviceCode} is on the ledger`);
    return elevator;
  }

  /** Marks the lift changed by this transaction, appending `event` to its bounded history. */
  putElevator(elevator: Elevator, event?: Omit<ElevatorLifecycleEvent, 'txId' | 'by'>): void {
    if (event) {
      elevator.history.push({ ...event, by: this.actorId, txId: this.txId });
      // The oldest events drop off past the bound; the full story stays in the ledger's history and the read store.
      elevator.history.splice(0, Math.max(0, elevator.history.length - MAX_ELEVATOR_LIFECYCLE_EVENTS));
    }
    elevator.updatedAt = this.now;
    elevator.updatedTxId = this.txId;
    this.stage(elevatorKey(this.ctx, elevator.deviceCode), elevator, 'elevators');
  }

  /** The policy of the lift's county, else its city, else the defaults. */
  async regionPolicy(region: string): Promise<RegionPolicyInput> {
    const county = await this.read<RegionPolicyInput>(regionPolicyKey(this.ctx, region));
    if (county) return county;
    const city = await this.read<RegionPolicyInput>(regionPolicyKey(this.ctx, `${region.slice(0, 4)}00`));
    return city ?? defaultRegionPolicy(region);
  }

  /** Raises an alert once: an alert id already on the ledger changes nothing. */
  async raiseAlert(elevator: Elevator, kind: ElevatorAlertKind, unique: string, againstId: string, detail: string, evidence: Record<string, string | number>): Promise<ElevatorAlert | undefined> {
    const alertId = `${kind}:${unique}`;
    const key = elevatorAlertKey(this.ctx, elevator.deviceCode, alertId);
    if (await this.read(key)) return undefined;
    const alert: ElevatorAlert = { deviceCode: elevator.deviceCode, alertId, kind, againstId, detail, status: 'open', raisedAt: this.now, txId: this.txId, evidence };
    this.stage(key, alert, 'alerts');
    return alert;
  }

  /** Writes every staged record and emits the one event listing them. */
  async commit(eventName: string): Promise<ElevatorLedgerUpdate> {
    const update = emptyElevatorUpdate();
    for (const [key, { record, bucket }] of this.staged) {
      await writeRecord(this.ctx, key, record);
      // Optional lists (runtime anchors) exist only in the events of transactions that write them.
      if (bucket) ((update as unknown as Record<string, unknown[]>)[bucket] ??= []).push(record);
    }
    emitLedgerEvent(this.ctx, eventName, update);
    return update;
  }
}
