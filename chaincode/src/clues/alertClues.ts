import type { Context } from 'fabric-contract-api';
import { conflict, invalid, notFound, type AdverseReactionReport, type Sample, type ClueAlertSource, type DrugAlert, type DrugBatch, type Elevator, type ElevatorAlert, type RiskAlert, type RiskClue } from '../../../model/src';
import { describeCaller, type Caller } from '../common/caller';
import { readRecord, recordExists } from '../common/state';
import { adverseReactionKey, batchKey, drugAlertKey } from '../drug/drugKeys';
import { elevatorAlertKey, elevatorKey } from '../elevator/elevatorKeys';
import { sampleKey } from '../sampling/samplingKeys';
import { alertKey } from '../supplychain';
import { clueKey, raiseClue } from './clueRaising';
import { placeOfElevator, placeOfEnterprise, placeOfLot, regionOfEnterprise, type SubjectPlace } from './clueRegion';

interface AlertFacts {
  subjectId: string;
  kind: string;
  place: SubjectPlace;
}

/** The alert id under which a final failed sample asks for its clue (the sample is kept under its own id). */
export const FAILED_SAMPLE = 'failedSample';

/** The alert as the ledger keeps it, with the subject and region of its clue; NOT_FOUND when there is none. */
async function alertFacts(ctx: Context, domain: ClueAlertSource['domain'], itemId: string, alertId: string): Promise<AlertFacts> {
  const missing = notFound(`no ${domain} alert ${alertId} on ${itemId}`);
  if (domain === 'coldchain') {
    const alert = await readRecord<RiskAlert>(ctx, alertKey(ctx, itemId, alertId));
    if (!alert) throw missing;
    return { subjectId: itemId, kind: alert.kind, place: await placeOfLot(ctx, itemId) };
  }
  if (domain === 'drug' && alertId.startsWith(ADVERSE_REACTION)) {
    return adverseReactionFacts(ctx, itemId, alertId.slice(ADVERSE_REACTION.length));
  }
  if (domain === 'drug') {
    const alert = await readRecord<DrugAlert>(ctx, drugAlertKey(ctx, itemId, alertId));
    if (!alert) throw missing;
    return { subjectId: `drugcodes/${itemId}`, kind: alert.kind, place: { regionCode: alert.region } };
  }
  if (domain === 'sampling') return failedSampleFacts(ctx, itemId, alertId);
  const alert = await readRecord<ElevatorAlert>(ctx, elevatorAlertKey(ctx, itemId, alertId));
  if (!alert) throw missing;
  const elevator = await readRecord<Elevator>(ctx, elevatorKey(ctx, itemId));
  return { subjectId: elevator ? `8004/${elevator.giai}` : `elevators/${itemId}`, kind: alert.kind, place: await placeOfElevator(ctx, itemId) };
}

/**
 * A sample whose failure is final: its clue is about what was sampled (the lot, the drug batch, else
 * the sample), in the sampled enterprise's region as recorded on the sample, and concerns that enterprise.
 */
async function failedSampleFacts(ctx: Context, sampleId: string, alertId: string): Promise<AlertFacts> {
  const sample = alertId === FAILED_SAMPLE ? await readRecord<Sample>(ctx, sampleKey(ctx, sampleId)) : undefined;
  if (!sample || sample.status !== 'final' || sample.verdict !== 'fail') throw notFound(`no final failed sample ${sampleId} (alert ${alertId})`);
  const item = sample.product.item;
  const subjectId = item.kind === 'coldChainLot' ? item.lotId : item.kind === 'drugBatch' ? `drugbatches/${item.productId}/${item.batchNumber}` : `samples/${sampleId}`;
  return { subjectId, kind: FAILED_SAMPLE, place: { regionCode: sample.regionCode, enterpriseId: sample.enterpriseId } };
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
  const holder = (await readRecord<DrugBatch>(ctx, batchKey(ctx, productId, batchNumber)))?.holderId;
  const holderPlace = holder ? await placeOfEnterprise(ctx, holder) : {};
  return {
    subjectId: report.code ? `drugcodes/${report.code}` : `drugbatches/${batchId}`,
    kind: report.seriousness === 'nonSerious' ? 'adverseReaction' : 'seriousAdverseReaction',
    // A reaction concerns the marketing-authorisation holder wherever it was reported.
    place: { regionCode: reporterRegion ?? holderPlace.regionCode, enterpriseId: holder },
  };
}

/**
 * Turns an alert a domain raised into a clue, once: the gateway's intake finds alerts without clues
 * and asks, but the ledger reads the alert itself, so no clue stands for an alert that does not exist.
 */
export async function raiseAlertClue(ctx: Context, caller: Caller, domain: string, itemId: string, alertId: string): Promise<RiskClue> {
  if (domain !== 'coldchain' && domain !== 'drug' && domain !== 'elevator' && domain !== 'sampling') throw invalid(`domain: must be coldchain, drug, elevator or sampling, got ${domain}`);
  const facts = await alertFacts(ctx, domain, itemId, alertId);
  const clueId = `alert:${alertId}`;
  if (await recordExists(ctx, clueKey(ctx, facts.subjectId, clueId))) throw conflict(`the ${domain} alert ${alertId} on ${itemId} already has a clue`);
  return raiseClue(
    ctx,
    { clueId, subjectId: facts.subjectId, source: 'alert', alert: { domain, itemId, alertId, kind: facts.kind }, filedBy: describeCaller(caller), txId: ctx.stub.getTxID() },
    facts.place,
  );
}
