import type { Context } from 'fabric-contract-api';
import { conflict, invalid, notFound, type AdverseReactionReport, type ClueAlertSource, type DrugAlert, type DrugBatch, type Elevator, type ElevatorAlert, type RiskAlert, type RiskClue } from '../../../model/src';
import { describeCaller, type Caller } from '../common/caller';
import { readRecord, recordExists } from '../common/state';
import { adverseReactionKey, batchKey, drugAlertKey } from '../drug/drugKeys';
import { elevatorAlertKey, elevatorKey } from '../elevator/elevatorKeys';
import { alertKey } from '../supplychain';
import { clueKey, raiseClue } from './clueRaising';
import { regionOfElevator, regionOfEnterprise, regionOfLot } from './clueRegion';

interface AlertFacts {
  subjectId: string;
  kind: string;
  regionCode: string | undefined;
}

/** The alert as the ledger keeps it, with the subject and region of its clue; NOT_FOUND when there is none. */
async function alertFacts(ctx: Context, domain: ClueAlertSource['domain'], itemId: string, alertId: string): Promise<AlertFacts> {
  const missing = notFound(`no ${domain} alert ${alertId} on ${itemId}`);
  if (domain === 'coldchain') {
    const alert = await readRecord<RiskAlert>(ctx, alertKey(ctx, itemId, alertId));
    if (!alert) throw missing;
    return { subjectId: itemId, kind: alert.kind, regionCode: await regionOfLot(ctx, itemId) };
  }
  if (domain === 'drug' && alertId.startsWith(ADVERSE_REACTION)) {
    return adverseReactionFacts(ctx, itemId, alertId.slice(ADVERSE_REACTION.length));
  }
  if (domain === 'drug') {
    const alert = await readRecord<DrugAlert>(ctx, drugAlertKey(ctx, itemId, alertId));
    if (!alert) throw missing;
    return { subjectId: `drugcodes/${itemId}`, kind: alert.kind, regionCode: alert.region };
  }
  const alert = await readRecord<ElevatorAlert>(ctx, elevatorAlertKey(ctx, itemId, alertId));
  if (!alert) throw missing;
  const elevator = await readRecord<Elevator>(ctx, elevatorKey(ctx, itemId));
  return { subjectId: elevator ? `8004/${elevator.giai}` : `elevators/${itemId}`, kind: alert.kind, regionCode: await regionOfElevator(ctx, itemId) };
}

/** The alert id under which a drug adverse-reaction report (kept under its batch) asks for its clue. */
export const ADVERSE_REACTION = 'adr:';

/**
 * An adverse-reaction report on a batch (`itemId`): its clue is about the code reported, else the
 * batch, in the reporter's region (a hospital's, a pharmacy's) or, for a patient's report, the
 * marketing-authorisation holder's; a serious, life-threatening or fatal reaction is its own kind.
 */
async function adverseReactionFacts(ctx: Context, batchId: string, reportId: string): Promise<AlertFacts> {
  const report = await readRecord<AdverseReactionReport>(ctx, adverseReactionKey(ctx, batchId, reportId));
  if (!report) throw notFound(`no adverse-reaction report ${reportId} on batch ${batchId}`);
  const reporterRegion = report.reportedBy === 'intake' ? undefined : await regionOfEnterprise(ctx, report.reportedBy);
  const [productId, batchNumber] = [batchId.slice(0, batchId.indexOf('/')), batchId.slice(batchId.indexOf('/') + 1)];
  const holder = reporterRegion === undefined ? (await readRecord<DrugBatch>(ctx, batchKey(ctx, productId, batchNumber)))?.holderId : undefined;
  return {
    subjectId: report.code ? `drugcodes/${report.code}` : `drugbatches/${batchId}`,
    kind: report.seriousness === 'nonSerious' ? 'adverseReaction' : 'seriousAdverseReaction',
    regionCode: reporterRegion ?? (holder ? await regionOfEnterprise(ctx, holder) : undefined),
  };
}

/**
 * Turns an alert a domain raised into a clue, once: the gateway's intake finds alerts without clues
 * and asks, but the ledger reads the alert itself, so no clue stands for an alert that does not exist.
 */
export async function raiseAlertClue(ctx: Context, caller: Caller, domain: string, itemId: string, alertId: string): Promise<RiskClue> {
  if (domain !== 'coldchain' && domain !== 'drug' && domain !== 'elevator') throw invalid(`domain: must be coldchain, drug or elevator, got ${domain}`);
  const facts = await alertFacts(ctx, domain, itemId, alertId);
  const clueId = `alert:${alertId}`;
  if (await recordExists(ctx, clueKey(ctx, facts.subjectId, clueId))) throw conflict(`the ${domain} alert ${alertId} on ${itemId} already has a clue`);
  return raiseClue(
    ctx,
    { clueId, subjectId: facts.subjectId, source: 'alert', alert: { domain, itemId, alertId, kind: facts.kind }, filedBy: describeCaller(caller), txId: ctx.stub.getTxID() },
    facts.regionCode,
  );
}
