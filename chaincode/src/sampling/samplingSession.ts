import type { Context } from 'fabric-contract-api';
import { emptySamplingUpdate, notFound, type Sample, type SamplingLedgerUpdate, type SamplingPlan } from '../../../model/src';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent, readRecord, writeRecord } from '../common/state';
import { sampleKey, samplingPlanKey } from './samplingKeys';

/**
 * The unit of work of one sampling transaction: it stages the records written, writes each key once,
 * and reports them all in the one chaincode event. `actorId` names the author in the records
 * (`regulator:<enrollment id>`, an enterprise id, or `platform:<enrollment id>` for the scheduled check).
 */
export class SamplingSession {
  readonly now: string;
  readonly txId: string;
  private readonly staged = new Map<string, { record: unknown; bucket: keyof SamplingLedgerUpdate }>();

  constructor(
    readonly ctx: Context,
    readonly actorId: string,
  ) {
    this.now = txTimeIso(ctx);
    this.txId = ctx.stub.getTxID();
  }

  async read<T>(key: string): Promise<T | undefined> {
    const staged = this.staged.get(key);
    return staged ? (staged.record as T) : readRecord<T>(this.ctx, key);
  }

  stage(key: string, record: unknown, bucket: keyof SamplingLedgerUpdate): void {
    this.staged.set(key, { record, bucket });
  }

  async plan(planId: string): Promise<SamplingPlan> {
    const plan = await this.read<SamplingPlan>(samplingPlanKey(this.ctx, planId));
    if (!plan) throw notFound(`planId: no sampling plan ${planId} is on the ledger`);
    return plan;
  }

  async sample(sampleId: string): Promise<Sample> {
    const sample = await this.read<Sample>(sampleKey(this.ctx, sampleId));
    if (!sample) throw notFound(`sampleId: no sample ${sampleId} is on the ledger`);
    return sample;
  }

  /** Stages the sample as changed by this transaction. */
  putSample(sample: Sample): void {
    sample.updatedAt = this.now;
    sample.updatedTxId = this.txId;
    this.stage(sampleKey(this.ctx, sample.sampleId), sample, 'samples');
  }

  /** Writes every staged record and emits the one event listing them. */
  async commit(eventName: string): Promise<SamplingLedgerUpdate> {
    const update = emptySamplingUpdate();
    for (const [key, { record, bucket }] of this.staged) {
      await writeRecord(this.ctx, key, record);
      (update[bucket] as unknown[]).push(record);
    }
    emitLedgerEvent(this.ctx, eventName, update);
    return update;
  }
}
