import { conflict, drugBatchIdOf, forbidden, invalid, notFound, type DrugBatch, type DrugBatchRegistration, type DrugProduct, type DrugProductRegistration, type IdentificationCodeAssignment, type DrugGtinBinding } from '../../../model/src';
import { GtinUse } from '../registry/brandPrefixes';
import { batchKey, drugGtinKey, identificationCodeKey, productKey } from './drugKeys';
import type { DrugSession } from './drugSession';
import { readAssignment, requireHolderOrManufacturer } from './identificationCodes';

/**
 * Registers a product: every level's identification code must be assigned to one holder and not yet
 * name another product. The holder, or its delegated contract manufacturer, registers it.
 */
export async function registerProduct(session: DrugSession, input: DrugProductRegistration): Promise<DrugProduct> {
  const productId = input.levels[0].idCode;
  const assignments: IdentificationCodeAssignment[] = [];
  for (const [index, level] of input.levels.entries()) {
    const assignment = await readAssignment(session, level.idCode);
    if (!assignment) throw invalid(`levels.${index}.idCode: identification code ${level.idCode} is not assigned to any holder; the platform admin assigns it first`);
    if (assignments.length > 0 && assignment.holderId !== assignments[0].holderId) {
      throw forbidden(`levels.${index}.idCode: identification code ${level.idCode} belongs to ${assignment.holderId}, not to ${assignments[0].holderId}, the holder of the product's other levels`);
    }
    assignments.push(assignment);
  }
  const holderId = assignments[0].holderId;
  // Who may write comes before what the codes already name: a rival learns nothing of the holder's products.
  await requireHolderOrManufacturer(session, holderId, `register a product under identification code ${productId}`);
  for (const [index, assignment] of assignments.entries()) {
    if (assignment.productId !== undefined) throw conflict(`levels.${index}.idCode: identification code ${assignment.idCode} already names the ${assignment.level ?? '?'} level of product ${assignment.productId}`);
    session.stage(identificationCodeKey(session.ctx, assignment.idCode), { ...assignment, productId, level: input.levels[index].level }, 'assignments');
  }
  if (await session.read(productKey(session.ctx, productId))) throw conflict(`product ${productId} is already registered`);
  await bindGtins(session, input, productId, holderId);
  const product: DrugProduct = { ...input, productId, holderId, registeredBy: session.actorId, registeredAt: session.now, txId: session.txId };
  session.stage(productKey(session.ctx, productId), product, 'products');
  return product;
}

/**
 * Binds each level's GTIN, when given: it must fall under a GS1 company prefix the holder owns (or was
 * delegated), and name no other product level, so a GS1 form resolves to exactly one code.
 */
async function bindGtins(session: DrugSession, input: DrugProductRegistration, productId: string, holderId: string): Promise<void> {
  const withGtin = input.levels.filter((level) => level.gtin !== undefined);
  if (withGtin.length === 0) return;
  const holder = await session.enterprise(holderId);
  if (!holder) throw notFound(`holder ${holderId} is not registered`);
  const gtinUse = new GtinUse(session.ctx);
  for (const level of withGtin) {
    const gtin = level.gtin as string;
    await gtinUse.require(holder, gtin, `give the ${level.level} level of product ${productId} GTIN ${gtin}`);
    const key = drugGtinKey(session.ctx, gtin);
    const earlier = await session.read<DrugGtinBinding>(key);
    if (earlier) throw conflict(`GTIN ${gtin} already names the ${earlier.level} level of product ${earlier.productId}`);
    session.stage(key, { gtin, productId, level: level.level, idCode: level.idCode, holderId, txId: session.txId } satisfies DrugGtinBinding, 'gtins');
  }
}

export async function requireProduct(session: DrugSession, productId: string, field = 'productId'): Promise<DrugProduct> {
  const product = await session.read<DrugProduct>(productKey(session.ctx, productId));
  if (!product) throw notFound(`${field}: product ${productId} is not registered`);
  return product;
}

export async function requireBatch(session: DrugSession, productId: string, batchNumber: string, field = 'batchNumber'): Promise<DrugBatch> {
  const batch = await session.read<DrugBatch>(batchKey(session.ctx, productId, batchNumber));
  if (!batch) throw notFound(`${field}: batch ${batchNumber} of product ${productId} is not registered`);
  return batch;
}

/** Registers a production batch of a product: its holder or delegated contract manufacturer. */
export async function registerBatch(session: DrugSession, input: DrugBatchRegistration): Promise<DrugBatch> {
  const product = await requireProduct(session, input.productId);
  await requireHolderOrManufacturer(session, product.holderId, `register batches of product ${product.productId}`);
  for (const level of Object.keys(input.quantities)) {
    if (!product.levels.some((entry) => entry.level === level)) throw invalid(`quantities.${level}: product ${product.productId} has no ${level} level (it has ${product.levels.map((l) => l.level).join(', ')})`);
  }
  const key = batchKey(session.ctx, input.productId, input.batchNumber);
  if (await session.read(key)) throw conflict(`batch ${input.batchNumber} of product ${input.productId} is already registered`);
  const batch: DrugBatch = {
    ...input,
    id: drugBatchIdOf(input.productId, input.batchNumber),
    holderId: product.holderId,
    manufacturerId: session.actorId,
    commissioned: {},
    createdAt: session.now,
    txId: session.txId,
    updatedTxId: session.txId,
  };
  session.stage(key, batch, 'batches');
  return batch;
}

/** Marks a batch changed by this transaction. */
export function putBatch(session: DrugSession, batch: DrugBatch): void {
  batch.updatedTxId = session.txId;
  session.stage(batchKey(session.ctx, batch.productId, batch.batchNumber), batch, 'batches');
}
