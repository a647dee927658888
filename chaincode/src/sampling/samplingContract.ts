import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  DrawCommitInputSchema,
  DrawRevealSchema,
  notFound,
  parseJsonArgument,
  parseOrThrow,
  SampleIdSchema,
  SampleObjectionSchema,
  SampleReferenceSchema,
  SampleResultInputSchema,
  SampleRetestSchema,
  SamplingEvents,
  SamplingPlanInputSchema,
  DrawIdSchema,
  type SamplingLedgerUpdate,
} from '../../../model/src';
import { readRecord } from '../common/state';
import { commitDraw, revealDraw } from './draws';
import { finalityCheckerOf, requireInspectionBody, requireSampledEnterprise } from './samplingAccess';
import { drawKey, sampleKey } from './samplingKeys';
import { SamplingSession } from './samplingSession';
import { finalizeSample, objectToSample, recordPlan, recordRetest, recordSample } from './samples';

const json = (what: string, argument: string): unknown => parseJsonArgument(argument, what);
const answer = (update: SamplingLedgerUpdate): string => JSON.stringify(update);

/**
 * Sampling inspections: plans and sample results recorded by inspection bodies (registered regulator
 * identities), the sampled enterprise's objection, the re-test, finality after the objection window,
 * and "double random, one public" draws by commit and reveal. Each write emits one event carrying
 * every record it wrote.
 */
@Info({ title: 'Sampling', description: 'Sampling plans and results, objections and re-tests, finality, double-random draws' })
export class SamplingContract extends Contract {
  constructor() {
    super('sampling');
  }

  /** An inspection body records a sampling plan. */
  @Transaction()
  @Returns('string')
  async recordPlan(ctx: Context, planJson: string): Promise<string> {
    const input = parseOrThrow(SamplingPlanInputSchema, json('plan', planJson));
    const session = new SamplingSession(ctx, await requireInspectionBody(ctx));
    await recordPlan(session, input);
    return answer(await session.commit(SamplingEvents.planRecorded));
  }

  /** An inspection body records a sample's result under a plan. */
  @Transaction()
  @Returns('string')
  async recordSample(ctx: Context, sampleJson: string): Promise<string> {
    const input = parseOrThrow(SampleResultInputSchema, json('sample', sampleJson));
    const session = new SamplingSession(ctx, await requireInspectionBody(ctx));
    await recordSample(session, input);
    return answer(await session.commit(SamplingEvents.sampleRecorded));
  }

  /** The sampled enterprise objects to the result within the window and asks for a re-test. */
  @Transaction()
  @Returns('string')
  async objectToSample(ctx: Context, objectionJson: string): Promise<string> {
    const input = parseOrThrow(SampleObjectionSchema, json('objection', objectionJson));
    const sample = await new SamplingSession(ctx, '').sample(input.sampleId);
    const session = new SamplingSession(ctx, await requireSampledEnterprise(ctx, sample));
    await objectToSample(session, sample, input);
    return answer(await session.commit(SamplingEvents.sampleObjected));
  }

  /** An inspection body records the re-test of an objected sample. */
  @Transaction()
  @Returns('string')
  async recordRetest(ctx: Context, retestJson: string): Promise<string> {
    const input = parseOrThrow(SampleRetestSchema, json('re-test', retestJson));
    const session = new SamplingSession(ctx, await requireInspectionBody(ctx));
    await recordRetest(session, input);
    return answer(await session.commit(SamplingEvents.sampleRetested));
  }

  /** Makes a sample final once its objection window has passed by this transaction's time (also the scheduled check). */
  @Transaction()
  @Returns('string')
  async finalizeSample(ctx: Context, referenceJson: string): Promise<string> {
    const { sampleId } = parseOrThrow(SampleReferenceSchema, json('sample reference', referenceJson));
    const session = new SamplingSession(ctx, await finalityCheckerOf(ctx));
    await finalizeSample(session, sampleId);
    return answer(await session.commit(SamplingEvents.sampleFinalized));
  }

  /** A regulator commits to a draw: the hash of its secret seed and the eligible lists. */
  @Transaction()
  @Returns('string')
  async commitDraw(ctx: Context, commitJson: string): Promise<string> {
    const input = parseOrThrow(DrawCommitInputSchema, json('draw commitment', commitJson));
    const session = new SamplingSession(ctx, await requireInspectionBody(ctx));
    await commitDraw(session, input);
    return answer(await session.commit(SamplingEvents.drawCommitted));
  }

  /** The committing regulator reveals the seed; the draw it gives is recorded. */
  @Transaction()
  @Returns('string')
  async revealDraw(ctx: Context, revealJson: string): Promise<string> {
    const input = parseOrThrow(DrawRevealSchema, json('draw reveal', revealJson));
    const session = new SamplingSession(ctx, await requireInspectionBody(ctx));
    await revealDraw(session, input);
    return answer(await session.commit(SamplingEvents.drawRevealed));
  }

  /** A sample: results are published, so anyone may read it. */
  @Transaction(false)
  @Returns('string')
  async getSample(ctx: Context, sampleId: string): Promise<string> {
    const id = parseOrThrow(SampleIdSchema, sampleId);
    const sample = await readRecord(ctx, sampleKey(ctx, id));
    if (!sample) throw notFound(`sampleId: no sample ${id} is on the ledger`);
    return JSON.stringify(sample);
  }

  /** A draw with everything needed to recompute it once revealed. */
  @Transaction(false)
  @Returns('string')
  async getDraw(ctx: Context, drawId: string): Promise<string> {
    const id = parseOrThrow(DrawIdSchema, drawId);
    const draw = await readRecord(ctx, drawKey(ctx, id));
    if (!draw) throw notFound(`drawId: no draw ${id} is on the ledger`);
    return JSON.stringify(draw);
  }
}
