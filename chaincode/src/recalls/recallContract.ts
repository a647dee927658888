import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  conflict,
  forbidden,
  notFound,
  overdueHolders,
  parseJsonArgument,
  parseOrThrow,
  recallAsSeenBy,
  recallDeadlines,
  recallOpeningDate,
  RecallClosingSchema,
  RecallEvents,
  RecallOpeningInputSchema,
  RecallReportSchema,
  recallStateOf,
  reportProblem,
  yearsReached,
  type Recall,
  type RecallHolder,
  type RecallOpener,
} from '../../../model/src';
import { KeyTypes } from '../common/keys';
import { readRecord, readRecordsByPartialKey } from '../common/state';
import { recallLevelPolicy, workingCalendars } from '../reference/referenceStore';
import { regulatorScopeOf } from '../reference/regulatorScope';
import { audienceOfReader, readerOf } from '../registry/readerAudience';
import { requireEnterpriseCaller, requireRegulator } from '../registry/registeredCaller';
import { holdAuthorityOf, setHold } from '../supplychain';
import { holdRecalledBatches } from './batchHolds';
import { impactOf } from './impactList';
import { recallHolderKey, recallIdOf, recallKey } from './recallKeys';
import { openRecallSession, type RecallSession } from './recallSession';

async function requireRecall(ctx: Context, recallId: string): Promise<Recall> {
  const recall = await readRecord<Recall>(ctx, recallKey(ctx, recallId));
  if (!recall) throw notFound(`recall ${recallId} does not exist`);
  return recall;
}

const holdersOf = (ctx: Context, recallId: string): Promise<RecallHolder[]> => readRecordsByPartialKey<RecallHolder>(ctx, KeyTypes.recallHolder, recallId);

/** The caller's own holder entry of an open recall; an enterprise not in the impact list is FORBIDDEN. */
async function requireOwnEntry(ctx: Context, recallId: string): Promise<{ recall: Recall; holder: RecallHolder; session: RecallSession }> {
  const { enterprise } = await requireEnterpriseCaller(ctx);
  const recall = await requireRecall(ctx, recallId);
  const holder = await readRecord<RecallHolder>(ctx, recallHolderKey(ctx, recallId, enterprise.id));
  if (!holder) throw forbidden(`enterprise ${enterprise.id} is not in the impact list of recall ${recallId}; only affected holders answer it`);
  if (recall.state === 'closed') throw conflict(`recall ${recallId} was closed at ${recall.closedAt}: ${recall.closeReason}`);
  return { recall, holder, session: openRecallSession(ctx, enterprise.id) };
}

/** Marks the entry acknowledged now, late when past the deadline by transaction time. */
function acknowledged(holder: RecallHolder, recall: Recall, now: string): RecallHolder {
  if (holder.acknowledgedAt) return holder;
  return { ...holder, acknowledgedAt: now, ...(Date.parse(now) > Date.parse(recall.acknowledgeBy) ? { late: true } : {}) };
}

/**
 * Recalls as a workflow: a regulator or the enterprise answerable for the goods opens one; the
 * chaincode computes the impact list from lineage (for drugs, the per-batch holding tally) and stores
 * every affected holder with what it holds, holds the scope's lots (reaching every lot made from them)
 * or batches, and dates the deadlines from the level's
 * policy and the working-day calendars on chain. Holders acknowledge and report what they withdrew,
 * returned and destroyed; the overdue check marks holders silent past the deadline; a regulator may
 * close a recall with a reason. A recall is completed once every holder has reported.
 */
@Info({ title: 'Recalls', description: 'Recall opening with the impact list, acknowledgements, reports, overdue marks, closing' })
export class RecallContract extends Contract {
  constructor() {
    super('recalls');
  }

  @Transaction()
  @Returns('string')
  async openRecall(ctx: Context, inputJson: string): Promise<string> {
    const input = parseOrThrow(RecallOpeningInputSchema, parseJsonArgument(inputJson, 'opening'));
    const { opening } = input;
    const authority = await holdAuthorityOf(ctx);
    let openedBy: RecallOpener = { actorId: authority.actorId, regulator: authority.regulator };
    if (authority.regulator) {
      const scope = await regulatorScopeOf(ctx);
      openedBy = { ...openedBy, ...(scope.unitId ? { unitId: scope.unitId } : {}), regions: scope.regions };
    }
    const session = openRecallSession(ctx, authority.actorId);
    const impact = await impactOf(session, input, authority);
    const recallId = recallIdOf(session.txId);
    const policy = await recallLevelPolicy(ctx, opening.domain, opening.level);
    const calendars = await workingCalendars(ctx, yearsReached(recallOpeningDate(session.now), policy.finishWithinWorkingDays));
    const { acknowledgeBy, finishBy } = recallDeadlines(session.now, policy, calendars);
    // The hold names the recall, so the consumer page of every lot it reaches says which recall and why.
    for (const lot of impact.scopeLots) {
      if ((await session.lot(lot.id)).hold?.state === 'recalled') continue;
      await setHold(session, authority, lot.id, { state: 'recalled', reason: `recall ${recallId}: ${opening.reason}` });
    }
    const drug = await holdRecalledBatches(ctx, authority, impact.scopeBatches, `recall ${recallId}: ${opening.reason}`);
    const holderIds = [...impact.holders.keys()];
    const recall: Recall = {
      recallId,
      reason: opening.reason,
      domain: opening.domain,
      level: opening.level,
      scope: opening.scope,
      scopeItems: impact.scopeItems,
      responsibleId: impact.responsibleId,
      openedBy,
      openedAt: session.now,
      acknowledgeBy,
      finishBy,
      holderIds,
      itemCount: [...impact.holders.values()].reduce((sum, entry) => sum + entry.items.length, 0),
      state: 'open',
      txId: session.txId,
      updatedAt: session.now,
    };
    session.stage(recallKey(ctx, recallId), recall, 'recalls');
    for (const [enterpriseId, entry] of impact.holders) {
      const holder: RecallHolder = { recallId, enterpriseId, items: entry.items, directConsignee: entry.directConsignee, updatedAt: session.now, txId: session.txId };
      session.stage(recallHolderKey(ctx, recallId, enterpriseId), holder, 'recallHolders');
    }
    return JSON.stringify(await session.commit(RecallEvents.recallOpened, drug ? { drug } : {}));
  }

  /** An affected holder says it has received the recall notice (late past the deadline). */
  @Transaction()
  @Returns('string')
  async acknowledge(ctx: Context, recallId: string): Promise<string> {
    const { recall, holder, session } = await requireOwnEntry(ctx, recallId);
    if (holder.acknowledgedAt) throw conflict(`${holder.enterpriseId} acknowledged recall ${recallId} at ${holder.acknowledgedAt}`);
    const updated = { ...acknowledged(holder, recall, session.now), updatedAt: session.now, txId: session.txId };
    session.stage(recallHolderKey(ctx, recallId, holder.enterpriseId), updated, 'recallHolders');
    return JSON.stringify(await session.commit(RecallEvents.recallAcknowledged));
  }

  /** An affected holder reports what it withdrew, returned and destroyed of each item (acknowledging, if it had not). */
  @Transaction()
  @Returns('string')
  async report(ctx: Context, recallId: string, reportJson: string): Promise<string> {
    const report = parseOrThrow(RecallReportSchema, parseJsonArgument(reportJson, 'report'));
    const { recall, holder, session } = await requireOwnEntry(ctx, recallId);
    if (holder.reportedAt) throw conflict(`${holder.enterpriseId} reported on recall ${recallId} at ${holder.reportedAt}`);
    const problem = reportProblem(holder, report.items);
    if (problem) throw conflict(problem);
    const updated: RecallHolder = { ...acknowledged(holder, recall, session.now), report, reportedAt: session.now, updatedAt: session.now, txId: session.txId };
    session.stage(recallHolderKey(ctx, recallId, holder.enterpriseId), updated, 'recallHolders');
    return JSON.stringify(await session.commit(RecallEvents.recallReported));
  }

  /**
   * Marks every holder still silent past the acknowledgement deadline, judged by the transaction's
   * time: whoever submits it (the gateway's scheduled check) cannot make a holder overdue early.
   */
  @Transaction()
  @Returns('string')
  async markOverdue(ctx: Context, recallId: string): Promise<string> {
    const recall = await requireRecall(ctx, recallId);
    const session = openRecallSession(ctx, 'ledger');
    if (recall.state === 'closed') throw conflict(`recall ${recallId} is closed`);
    if (Date.parse(session.now) <= Date.parse(recall.acknowledgeBy)) throw conflict(`recall ${recallId} is acknowledged by ${recall.acknowledgeBy}; nobody is overdue yet`);
    const silent = overdueHolders(recall, await holdersOf(ctx, recallId), session.now);
    if (silent.length === 0) throw conflict(`every holder of recall ${recallId} has acknowledged or is marked overdue already`);
    for (const holder of silent) {
      session.stage(recallHolderKey(ctx, recallId, holder.enterpriseId), { ...holder, overdueSince: recall.acknowledgeBy, updatedAt: session.now, txId: session.txId }, 'recallHolders');
    }
    return JSON.stringify(await session.commit(RecallEvents.recallOverdueMarked));
  }

  /** A regulator closes an open recall with a reason (a completed one needs no closing). */
  @Transaction()
  @Returns('string')
  async closeRecall(ctx: Context, recallId: string, closingJson: string): Promise<string> {
    const closing = parseOrThrow(RecallClosingSchema, parseJsonArgument(closingJson, 'closing'));
    const caller = await requireRegulator(ctx);
    const recall = await requireRecall(ctx, recallId);
    const session = openRecallSession(ctx, `regulator:${caller.enrollmentId}`);
    const state = recallStateOf(recall, await holdersOf(ctx, recallId));
    if (state !== 'open') throw conflict(`recall ${recallId} is ${state} already`);
    const closed: Recall = { ...recall, state: 'closed', closedAt: session.now, closedBy: session.actorId, closeReason: closing.reason, updatedAt: session.now, txId: session.txId };
    session.stage(recallKey(ctx, recallId), closed, 'recalls');
    return JSON.stringify(await session.commit(RecallEvents.recallClosed));
  }

  /**
   * What opening this recall would list, without opening it: the scope's items, the responsible
   * enterprise and every holder with what it holds now. Refuses as opening would (a scope matching
   * nothing or too much, a caller not answerable for the goods).
   */
  @Transaction(false)
  @Returns('string')
  async previewImpact(ctx: Context, inputJson: string): Promise<string> {
    const input = parseOrThrow(RecallOpeningInputSchema, parseJsonArgument(inputJson, 'opening'));
    const authority = await holdAuthorityOf(ctx);
    const impact = await impactOf(openRecallSession(ctx, authority.actorId), input, authority);
    const holders = [...impact.holders].map(([enterpriseId, entry]) => ({ enterpriseId, ...entry }));
    return JSON.stringify({ scopeItems: impact.scopeItems, responsibleId: impact.responsibleId, holders });
  }

  /** The recall with its holders, as the caller's audience sees it (the gateway's reader sees it whole). */
  @Transaction(false)
  @Returns('string')
  async getRecall(ctx: Context, recallId: string): Promise<string> {
    const recall = await requireRecall(ctx, recallId);
    const holders = await holdersOf(ctx, recallId);
    const current = { ...recall, state: recallStateOf(recall, holders) };
    const reader = await readerOf(ctx);
    const audience = audienceOfReader(reader, [current.responsibleId, ...holders.map((h) => h.enterpriseId)]);
    return JSON.stringify(recallAsSeenBy(current, holders, audience, reader === 'regulator' ? undefined : reader.enterpriseId));
  }
}
