import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  AdverseReactionInputSchema,
  CommissioningInputSchema,
  DispenseInputSchema,
  DrugBatchNumberSchema,
  DrugBatchRegistrationSchema,
  DrugEvents,
  DrugHoldInputSchema,
  DrugLiftHoldInputSchema,
  DrugProductRegistrationSchema,
  DrugTraceCodeSchema,
  IdentificationCodeAssignmentSchema,
  IdentificationCodeSchema,
  identificationOf,
  serialOfCode,
  InclusionProofSchema,
  ManufactureDelegationSchema,
  notFound,
  PackInputSchema,
  PackUploadInputSchema,
  parseJsonArgument,
  parseOrThrow,
  ReceiveInputSchema,
  RetireInputSchema,
  ReturnInputSchema,
  ShipInputSchema,
  UnpackInputSchema,
  UsccSchema,
  type DrugCommissioning,
  type Enterprise,
  type IdentificationCodeAssignment,
} from '../../../model/src';
import { callerOf, isIntake, requirePlatformAdmin } from '../common/caller';
import { requireEnterpriseCaller } from '../registry/registeredCaller';
import { holdAuthorityOf } from '../supplychain';
import { reportAdverseReaction } from './adverseReactions';
import { commissioningOfSerial } from './codeLookup';
import { codeHistory, packAsSeen, verifyCode } from './codeReads';
import { commissionCodes } from './commissioning';
import { dispense, retire, returnCode } from './dispensing';
import { receive, ship } from './distribution';
import { liftDrugHold, setDrugHold } from './drugHolds';
import { commissioningKey, identificationCodeKey } from './drugKeys';
import { DrugSession } from './drugSession';
import { assignIdentificationCode, delegateManufacture, withdrawManufacture } from './identificationCodes';
import { pack, packUpload, unpack } from './packing';
import { registerBatch, registerProduct, requireBatch, requireProduct } from './products';

/** An enterprise's write: the caller's bound enterprise is the author, the records go out in one event. */
async function asEnterprise(ctx: Context, eventName: string, work: (session: DrugSession, enterprise: Enterprise) => Promise<unknown>): Promise<string> {
  const { enterprise } = await requireEnterpriseCaller(ctx);
  const session = new DrugSession(ctx, enterprise.id);
  await work(session, enterprise);
  return JSON.stringify(await session.commit(eventName));
}

/** A read: no author, nothing written. */
const reading = (ctx: Context): DrugSession => new DrugSession(ctx, '');

/**
 * Drugs: identification codes and their holders, products and batches, commissioning of code lists
 * anchored by Merkle roots, packing, shipping and receiving by the outermost code, one-use dispensing
 * with duplicate-sale alerts, returns, holds and adverse-reaction reports. Each write returns what it
 * wrote and emits one event carrying the same records.
 */
@Info({ title: 'Drug', description: 'Drug trace codes: commissioning, aggregation, distribution, one-use dispensing, verification, pharmacovigilance' })
export class DrugContract extends Contract {
  constructor() {
    super('drug');
  }

  /** The platform admin assigns a 7-digit identification code to a marketing-authorisation holder. */
  @Transaction()
  @Returns('string')
  async assignIdentificationCode(ctx: Context, assignmentJson: string): Promise<string> {
    const admin = requirePlatformAdmin(ctx);
    const input = parseOrThrow(IdentificationCodeAssignmentSchema, parseJsonArgument(assignmentJson, 'assignment'));
    const session = new DrugSession(ctx, `admin:${admin.enrollmentId}`);
    await assignIdentificationCode(session, admin, input);
    return JSON.stringify(await session.commit(DrugEvents.identificationCodeAssigned));
  }

  /** The holder lets a contract manufacturer write batches and codes of its products. */
  @Transaction()
  @Returns('string')
  async delegateManufacture(ctx: Context, delegationJson: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.manufactureDelegationChanged, (session) => delegateManufacture(session, parseOrThrow(ManufactureDelegationSchema, parseJsonArgument(delegationJson, 'delegation'))));
  }

  @Transaction()
  @Returns('string')
  async withdrawManufacture(ctx: Context, manufacturerId: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.manufactureDelegationChanged, (session) => withdrawManufacture(session, parseOrThrow(UsccSchema, manufacturerId)));
  }

  @Transaction()
  @Returns('string')
  async registerProduct(ctx: Context, productJson: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.productRegistered, (session) => registerProduct(session, parseOrThrow(DrugProductRegistrationSchema, parseJsonArgument(productJson, 'product'))));
  }

  @Transaction()
  @Returns('string')
  async registerBatch(ctx: Context, batchJson: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.batchRegistered, (session) => registerBatch(session, parseOrThrow(DrugBatchRegistrationSchema, parseJsonArgument(batchJson, 'batch'))));
  }

  /** Anchors a code list of one batch and level: `{productId, batchNumber, level, firstSerial, lastSerial, count, merkleRoot}`. */
  @Transaction()
  @Returns('string')
  async commissionCodes(ctx: Context, commissioningJson: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.codesCommissioned, (session) => commissionCodes(session, parseOrThrow(CommissioningInputSchema, parseJsonArgument(commissioningJson, 'commissioning'))));
  }

  @Transaction()
  @Returns('string')
  async pack(ctx: Context, packJson: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.packed, (session) => pack(session, parseOrThrow(PackInputSchema, parseJsonArgument(packJson, 'pack'))));
  }

  /** A packaging line's run of packs, one transaction: `{packs: [pack, …]}`, all or nothing. */
  @Transaction()
  @Returns('string')
  async packUpload(ctx: Context, uploadJson: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.packed, (session) => packUpload(session, parseOrThrow(PackUploadInputSchema, parseJsonArgument(uploadJson, 'upload'))));
  }

  @Transaction()
  @Returns('string')
  async unpack(ctx: Context, unpackJson: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.unpacked, (session) => unpack(session, parseOrThrow(UnpackInputSchema, parseJsonArgument(unpackJson, 'unpack'))));
  }

  @Transaction()
  @Returns('string')
  async ship(ctx: Context, shipmentJson: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.shipped, (session) => ship(session, parseOrThrow(ShipInputSchema, parseJsonArgument(shipmentJson, 'shipment'))));
  }

  @Transaction()
  @Returns('string')
  async receive(ctx: Context, receiptJson: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.received, (session) => receive(session, parseOrThrow(ReceiveInputSchema, parseJsonArgument(receiptJson, 'receipt'))));
  }

  /** Dispenses or sells units; answers each code's outcome (`dispensed`, `repeated`, `duplicate` with its alert). */
  @Transaction()
  @Returns('string')
  async dispense(ctx: Context, dispenseJson: string): Promise<string> {
    const { enterprise } = await requireEnterpriseCaller(ctx);
    const input = parseOrThrow(DispenseInputSchema, parseJsonArgument(dispenseJson, 'dispense'));
    const session = new DrugSession(ctx, enterprise.id);
    const outcomes = await dispense(session, enterprise, input);
    return JSON.stringify(await session.commit(DrugEvents.dispensed, { outcomes }));
  }

  @Transaction()
  @Returns('string')
  async returnCode(ctx: Context, returnJson: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.returned, (session) => returnCode(session, parseOrThrow(ReturnInputSchema, parseJsonArgument(returnJson, 'return'))));
  }

  /** Destroyed, stolen, sampled or exported. */
  @Transaction()
  @Returns('string')
  async retire(ctx: Context, retireJson: string): Promise<string> {
    return asEnterprise(ctx, DrugEvents.retired, (session) => retire(session, parseOrThrow(RetireInputSchema, parseJsonArgument(retireJson, 'retirement'))));
  }

  /** The product's holder, the code's holder (codes) or a regulator marks a code, batch or product suspect, quarantined or recalled. */
  @Transaction()
  @Returns('string')
  async setHold(ctx: Context, holdJson: string): Promise<string> {
    const authority = await holdAuthorityOf(ctx);
    const input = parseOrThrow(DrugHoldInputSchema, parseJsonArgument(holdJson, 'hold'));
    const session = new DrugSession(ctx, authority.actorId);
    await setDrugHold(session, authority, input);
    return JSON.stringify(await session.commit(DrugEvents.holdChanged));
  }

  @Transaction()
  @Returns('string')
  async liftHold(ctx: Context, liftJson: string): Promise<string> {
    const authority = await holdAuthorityOf(ctx);
    const input = parseOrThrow(DrugLiftHoldInputSchema, parseJsonArgument(liftJson, 'lift'));
    const session = new DrugSession(ctx, authority.actorId);
    await liftDrugHold(session, authority, input);
    return JSON.stringify(await session.commit(DrugEvents.holdChanged));
  }

  /** A hospital, pharmacy or (through the gateway's intake identity) a consumer reports a suspected adverse reaction. */
  @Transaction()
  @Returns('string')
  async reportAdverseReaction(ctx: Context, reportJson: string): Promise<string> {
    const caller = callerOf(ctx);
    const input = parseOrThrow(AdverseReactionInputSchema, parseJsonArgument(reportJson, 'report'));
    let session: DrugSession;
    let reporterKind: string;
    if (isIntake(caller)) {
      session = new DrugSession(ctx, 'intake');
      reporterKind = 'consumer';
    } else {
      const { enterprise } = await requireEnterpriseCaller(ctx);
      session = new DrugSession(ctx, enterprise.id);
      reporterKind = enterprise.kinds.find((kind) => kind === 'hospital' || kind === 'pharmacy') ?? enterprise.kinds[0];
    }
    await reportAdverseReaction(session, reporterKind, input);
    return JSON.stringify(await session.commit(DrugEvents.adverseReactionReported));
  }

  @Transaction(false)
  @Returns('string')
  async getIdentificationCode(ctx: Context, idCode: string): Promise<string> {
    parseOrThrow(IdentificationCodeSchema, idCode);
    const assignment = await reading(ctx).read<IdentificationCodeAssignment>(identificationCodeKey(ctx, idCode));
    if (!assignment) throw notFound(`identification code ${idCode} is not assigned`);
    return JSON.stringify(assignment);
  }

  @Transaction(false)
  @Returns('string')
  async getProduct(ctx: Context, productId: string): Promise<string> {
    return JSON.stringify(await requireProduct(reading(ctx), parseOrThrow(IdentificationCodeSchema, productId)));
  }

  @Transaction(false)
  @Returns('string')
  async getBatch(ctx: Context, productId: string, batchNumber: string): Promise<string> {
    return JSON.stringify(await requireBatch(reading(ctx), parseOrThrow(IdentificationCodeSchema, productId), parseOrThrow(DrugBatchNumberSchema, batchNumber)));
  }

  /** A commissioning's root and span: what a third party checks a code's proof against. */
  @Transaction(false)
  @Returns('string')
  async getCommissioning(ctx: Context, commissioningId: string): Promise<string> {
    const commissioning = await reading(ctx).read<DrugCommissioning>(commissioningKey(ctx, commissioningId));
    if (!commissioning) throw notFound(`commissioning ${commissioningId} does not exist`);
    return JSON.stringify(commissioning);
  }

  /** The commissioning whose span holds a code's serial (no proof: it says which list to look in, not that the code is real). */
  @Transaction(false)
  @Returns('string')
  async getCommissioningOfCode(ctx: Context, code: string): Promise<string> {
    const valid = parseOrThrow(DrugTraceCodeSchema, code);
    const commissioning = await commissioningOfSerial(reading(ctx), identificationOf(valid), serialOfCode(valid));
    if (!commissioning) throw notFound(`no commissioning holds the serial of code ${code}`);
    return JSON.stringify(commissioning);
  }

  /** The verdict on a code with its proof: genuine, unknown, dispensed, recalled, expired or suspect. */
  @Transaction(false)
  @Returns('string')
  async verifyCode(ctx: Context, code: string, proofJson: string): Promise<string> {
    return JSON.stringify(await verifyCode(reading(ctx), parseOrThrow(DrugTraceCodeSchema, code), parseOrThrow(InclusionProofSchema, parseJsonArgument(proofJson, 'proof'))));
  }

  /** A pack: its children for its holder, packer and regulators; product, count and status for anyone else. */
  @Transaction(false)
  @Returns('string')
  async getPack(ctx: Context, code: string, proofJson: string): Promise<string> {
    return JSON.stringify(await packAsSeen(reading(ctx), parseOrThrow(DrugTraceCodeSchema, code), parseOrThrow(InclusionProofSchema, parseJsonArgument(proofJson, 'proof'))));
  }

  /** Every state a code went through (getHistoryForKey of its bucket). */
  @Transaction(false)
  @Returns('string')
  async getCodeHistory(ctx: Context, code: string): Promise<string> {
    return JSON.stringify(await codeHistory(reading(ctx), parseOrThrow(DrugTraceCodeSchema, code)));
  }
}
