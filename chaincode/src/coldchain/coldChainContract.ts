import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  AlertAcknowledgementInputSchema,
  AlertReferenceSchema,
  ColdChainEvents,
  CustodyBatchSchema,
  CustodyEventInputSchema,
  EntryDocumentInputSchema,
  HoldInputSchema,
  LiftHoldInputSchema,
  LineageCorrectionInputSchema,
  LoggerAttachmentInputSchema,
  LoggerGrantInputSchema,
  LoggerGrantRevocationSchema,
  LoggerIdSchema,
  LoggerRegistrationSchema,
  LotBatchSchema,
  LotRegistrationSchema,
  MergeInputSchema,
  parseJsonArgument,
  parseOrThrow,
  ReadingAnchorInputSchema,
  SplitInputSchema,
  TransformInputSchema,
  UnitRunInputSchema,
  UnitSalesInputSchema,
  notFound,
  type Enterprise,
  type LoggerAttachment,
  type TemperatureLogger,
} from '../../../model/src';
import { requireEnterpriseCaller } from '../registry/registeredCaller';
import { acknowledgeAlert } from './alertAcknowledgement';
import { KeyTypes } from '../common/keys';
import { readRecord, readRecordsByPartialKey } from '../common/state';
import {
  applyCustodyBatch,
  applyCustodyEvent,
  commissionUnits,
  correctionAuthorityOf,
  correctLineage,
  holdAuthorityOf,
  liftHold,
  recordUnitSales,
  setHold,
} from '../supplychain';
import { loggerKey } from './coldChainKeys';
import { openColdChainSession, type ColdChainSession } from './coldChainSession';
import { entryDocumentsRelease } from './documentChecks';
import { alertsAsSeen, custodyLogAsSeen, lineageAsSeen, lotAsSeen, lotHistoryAsSeen, lotTraceAsSeen } from './lotReads';
import { addEntryDocument } from './entryDocuments';
import { mergeLots, splitLot, transformLots } from './lotDerivations';
import { createLot, createLotBatch } from './lotCreation';
import { grantLogger, revokeLoggerGrant } from './loggerGrants';
import { changeAttachment, registerLogger } from './loggers';
import { anchorReadings, readAnchor } from './readingAnchors';
import { checkTemperatureCoverage, coverageCheckerOf } from './temperatureCoverage';

/**
 * An enterprise's write: the caller's bound enterprise is the author of what `work` stages, and the
 * transaction's records go out in its one event.
 */
async function asEnterprise(ctx: Context, eventName: string, work: (session: ColdChainSession, enterprise: Enterprise) => Promise<unknown>): Promise<string> {
  const { enterprise } = await requireEnterpriseCaller(ctx);
  const session = openColdChainSession(ctx, enterprise.id);
  await work(session, enterprise);
  return JSON.stringify(await session.commit(eventName));
}

/**
 * Cold-chain food: lots with their entry documents, custody from port to shop, lineage across splits,
 * merges and transformations, recall holds, temperature anchors and the risk alerts they raise.
 * Each write returns what it wrote and emits one event carrying the same records.
 */
@Info({ title: 'ColdChain', description: 'Cold-chain lots, documents, custody, lineage, temperature anchors and risk alerts' })
export class ColdChainContract extends Contract {
  constructor() {
    super('coldchain');
  }

  /** A registered importer (imported lots) or producer (domestic lots) creates a lot it holds. */
  @Transaction()
  @Returns('string')
  async createLot(ctx: Context, lotJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.lotCreated, async (session, enterprise) => {
      const registration = parseOrThrow(LotRegistrationSchema, parseJsonArgument(lotJson, 'lot'));
      await createLot(session, enterprise, registration);
    });
  }

  /** Many lots of the caller in one transaction, all or none, each checked as createLot checks it. */
  @Transaction()
  @Returns('string')
  async createLotBatch(ctx: Context, batchJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.lotCreated, async (session, enterprise) => {
      const batch = parseOrThrow(LotBatchSchema, parseJsonArgument(batchJson, 'lot batch'));
      await createLotBatch(session, enterprise, batch.lots);
    });
  }

  /** The lot's owner or custodian adds an entry document (number, issuer, date, SHA-256 of the file). */
  @Transaction()
  @Returns('string')
  async addDocument(ctx: Context, lotId: string, documentJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.documentAdded, async (session) => {
      const document = parseOrThrow(EntryDocumentInputSchema, parseJsonArgument(documentJson, 'document'));
      await addEntryDocument(session, lotId, document);
    });
  }

  /** One custody event: ship, receive (accept or refuse), store, releaseForSale or sell. */
  @Transaction()
  @Returns('string')
  async recordCustody(ctx: Context, eventJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.custodyRecorded, async (session) => {
      const event = parseOrThrow(CustodyEventInputSchema, parseJsonArgument(eventJson, 'custody event'));
      await applyCustodyEvent(session, event, entryDocumentsRelease);
    });
  }

  /** Many custody events of the caller in one transaction, all or none, each checked as recordCustody checks it. */
  @Transaction()
  @Returns('string')
  async recordCustodyBatch(ctx: Context, batchJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.custodyRecorded, async (session) => {
      const batch = parseOrThrow(CustodyBatchSchema, parseJsonArgument(batchJson, 'custody batch'));
      await applyCustodyBatch(session, batch.events, entryDocumentsRelease);
    });
  }

  @Transaction()
  @Returns('string')
  async splitLot(ctx: Context, splitJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.lotsDerived, async (session) => {
      const input = parseOrThrow(SplitInputSchema, parseJsonArgument(splitJson, 'split'));
      await splitLot(session, input);
    });
  }

  @Transaction()
  @Returns('string')
  async mergeLots(ctx: Context, mergeJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.lotsDerived, async (session) => {
      const input = parseOrThrow(MergeInputSchema, parseJsonArgument(mergeJson, 'merge'));
      await mergeLots(session, input);
    });
  }

  @Transaction()
  @Returns('string')
  async transformLots(ctx: Context, transformJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.lotsDerived, async (session, enterprise) => {
      const input = parseOrThrow(TransformInputSchema, parseJsonArgument(transformJson, 'transformation'));
      await transformLots(session, enterprise, input);
    });
  }

  /**
   * Corrects the figures of the link parent → child where they are wrong (split links written with the
   * parent's total), recomputed from the child lot: a correction record beside the link, which stays
   * as written. The platform admin or the owner of either lot; nothing to correct is a CONFLICT.
   */
  @Transaction()
  @Returns('string')
  async correctLineage(ctx: Context, parentId: string, childId: string): Promise<string> {
    const { parentId: parent, childId: child } = parseOrThrow(LineageCorrectionInputSchema, { parentId, childId });
    const authority = await correctionAuthorityOf(ctx);
    const session = openColdChainSession(ctx, authority.actorId);
    await correctLineage(session, authority, parent, child);
    return JSON.stringify(await session.commit(ColdChainEvents.lineageCorrected));
  }

  /**
   * Checks the lot's ended custody periods for time without anchored temperature readings and raises
   * a `temperatureGap` alert per period that has any. Answers what it wrote (the alerts raised now) and
   * every gap found, raised now or before.
   */
  @Transaction()
  @Returns('string')
  async checkTemperatureCoverage(ctx: Context, lotId: string): Promise<string> {
    const session = openColdChainSession(ctx, await coverageCheckerOf(ctx, lotId));
    const gaps = await checkTemperatureCoverage(session, lotId);
    const update = await session.commit(ColdChainEvents.coverageChecked);
    return JSON.stringify({ ...update, gaps });
  }

  /**
   * The lot's owner or a regulator marks it recalled or quarantined, and with it every lot made from it
   * (naming it as their origin); none of them moves until it is lifted here.
   */
  @Transaction()
  @Returns('string')
  async setHold(ctx: Context, lotId: string, holdJson: string): Promise<string> {
    const authority = await holdAuthorityOf(ctx);
    const hold = parseOrThrow(HoldInputSchema, parseJsonArgument(holdJson, 'hold'));
    const session = openColdChainSession(ctx, authority.actorId);
    await setHold(session, authority, lotId, hold);
    return JSON.stringify(await session.commit(ColdChainEvents.holdChanged));
  }

  @Transaction()
  @Returns('string')
  async liftHold(ctx: Context, lotId: string, liftJson: string): Promise<string> {
    const authority = await holdAuthorityOf(ctx);
    const { reason } = parseOrThrow(LiftHoldInputSchema, parseJsonArgument(liftJson, 'lift'));
    const session = openColdChainSession(ctx, authority.actorId);
    await liftHold(session, authority, lotId, reason);
    return JSON.stringify(await session.commit(ColdChainEvents.holdChanged));
  }

  /** The lot's owner commissions a run of serialised units `{lotId, serialPrefix, from, count}`. */
  @Transaction()
  @Returns('string')
  async commissionUnits(ctx: Context, runJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.unitsCommissioned, async (session) => {
      await commissionUnits(session, parseOrThrow(UnitRunInputSchema, parseJsonArgument(runJson, 'unit run')));
    });
  }

  /** The lot's custodian records retail sales (`retail_selling` / `retail_sold`) of its units. */
  @Transaction()
  @Returns('string')
  async recordUnitSales(ctx: Context, salesJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.unitsSold, async (session) => {
      await recordUnitSales(session, parseOrThrow(UnitSalesInputSchema, parseJsonArgument(salesJson, 'unit sales')));
    });
  }

  /**
   * The lot's owner or custodian acknowledges one of its alerts with a comment `{comment}`: the alert
   * stays, marked acknowledged with who, when and the comment.
   */
  @Transaction()
  @Returns('string')
  async acknowledgeAlert(ctx: Context, lotId: string, alertId: string, acknowledgementJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.alertAcknowledged, async (session) => {
      parseOrThrow(AlertReferenceSchema, { lotId, alertId });
      const input = parseOrThrow(AlertAcknowledgementInputSchema, parseJsonArgument(acknowledgementJson, 'acknowledgement'));
      await acknowledgeAlert(session, lotId, alertId, input);
    });
  }

  /** Enrols a temperature logger owned by the caller's enterprise, optionally with its public key. */
  @Transaction()
  @Returns('string')
  async registerLogger(ctx: Context, loggerJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.loggerRegistered, async (session) => {
      const registration = parseOrThrow(LoggerRegistrationSchema, parseJsonArgument(loggerJson, 'logger'));
      await registerLogger(session, registration);
    });
  }

  /** The logger's owner lets another enterprise attach the logger to lots it holds: `{loggerId, custodianId, until?}`. */
  @Transaction()
  @Returns('string')
  async grantLogger(ctx: Context, grantJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.loggerGrantChanged, async (session) => {
      await grantLogger(session, parseOrThrow(LoggerGrantInputSchema, parseJsonArgument(grantJson, 'grant')));
    });
  }

  /** The logger's owner ends a grant `{loggerId, custodianId}`; attachments already made stay. */
  @Transaction()
  @Returns('string')
  async revokeLoggerGrant(ctx: Context, revocationJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.loggerGrantChanged, async (session) => {
      await revokeLoggerGrant(session, parseOrThrow(LoggerGrantRevocationSchema, parseJsonArgument(revocationJson, 'grant revocation')));
    });
  }

  /** The lot's custodian attaches a logger (its own, or one its owner granted it) from `eventTime` on, within its custody. */
  @Transaction()
  @Returns('string')
  async attachLogger(ctx: Context, attachmentJson: string): Promise<string> {
    return this.#changeAttachment(ctx, 'attach', attachmentJson);
  }

  /** The lot's custodian detaches a logger at `eventTime`, within its custody. */
  @Transaction()
  @Returns('string')
  async detachLogger(ctx: Context, attachmentJson: string): Promise<string> {
    return this.#changeAttachment(ctx, 'detach', attachmentJson);
  }

  /** The logger's owner anchors a window of readings; excursions become alerts on the attached lots. */
  @Transaction()
  @Returns('string')
  async anchorReadings(ctx: Context, anchorJson: string): Promise<string> {
    const { enterprise } = await requireEnterpriseCaller(ctx);
    const input = parseOrThrow(ReadingAnchorInputSchema, parseJsonArgument(anchorJson, 'anchor'));
    const session = openColdChainSession(ctx, enterprise.id);
    const { anchor, repeated } = await anchorReadings(session, input);
    if (repeated) {
      // The same window again: nothing to write, so no event either.
      return JSON.stringify({ lots: [], custodyEvents: [], alerts: [], lineage: [], loggers: [], attachments: [], anchors: [anchor] });
    }
    return JSON.stringify(await session.commit(ColdChainEvents.readingsAnchored));
  }

  // Reads are cut to the caller's audience: see lotReads.ts.
  @Transaction(false)
  @Returns('string')
  async getLot(ctx: Context, lotId: string): Promise<string> {
    return lotAsSeen(ctx, lotId);
  }

  /** Every state of the lot, oldest first (getHistoryForKey). */
  @Transaction(false)
  @Returns('string')
  async getLotHistory(ctx: Context, lotId: string): Promise<string> {
    return lotHistoryAsSeen(ctx, lotId);
  }

  /** The lot's custody log in recording order. */
  @Transaction(false)
  @Returns('string')
  async getCustodyEvents(ctx: Context, lotId: string): Promise<string> {
    return custodyLogAsSeen(ctx, lotId);
  }

  /** Direct parents and children of a lot. */
  @Transaction(false)
  @Returns('string')
  async getLineage(ctx: Context, lotId: string): Promise<string> {
    return lineageAsSeen(ctx, lotId);
  }

  /** All ancestors and descendants of a lot across splits, merges and transformations. */
  @Transaction(false)
  @Returns('string')
  async traceLot(ctx: Context, lotId: string): Promise<string> {
    return lotTraceAsSeen(ctx, lotId);
  }

  @Transaction(false)
  @Returns('string')
  async getAlerts(ctx: Context, lotId: string): Promise<string> {
    return alertsAsSeen(ctx, lotId);
  }

  @Transaction(false)
  @Returns('string')
  async getLogger(ctx: Context, loggerId: string): Promise<string> {
    parseOrThrow(LoggerIdSchema, loggerId);
    const logger = await readRecord<TemperatureLogger>(ctx, loggerKey(ctx, loggerId));
    if (!logger) {
      throw notFound(`logger ${loggerId} is not registered`);
    }
    return JSON.stringify(logger);
  }

  /** Which lots a logger was attached to, and when. */
  @Transaction(false)
  @Returns('string')
  async getLoggerAttachments(ctx: Context, loggerId: string): Promise<string> {
    return JSON.stringify(await readRecordsByPartialKey<LoggerAttachment>(ctx, KeyTypes.loggerAttachment, loggerId));
  }

  /** The anchor of one logger window, whose root proofs of its readings are checked against. */
  @Transaction(false)
  @Returns('string')
  async getAnchor(ctx: Context, loggerId: string, windowStart: string): Promise<string> {
    return JSON.stringify(await readAnchor(ctx, loggerId, windowStart));
  }

  async #changeAttachment(ctx: Context, change: 'attach' | 'detach', attachmentJson: string): Promise<string> {
    return asEnterprise(ctx, ColdChainEvents.loggerAttachmentChanged, async (session) => {
      const request = parseOrThrow(LoggerAttachmentInputSchema, parseJsonArgument(attachmentJson, 'attachment'));
      await changeAttachment(session, change, request);
    });
  }
}
