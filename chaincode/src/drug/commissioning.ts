import {
  claimBlockOf,
  commissioningIdOf,
  conflict,
  idCodeOfLevel,
  invalid,
  MAX_CLAIM_BLOCKS_PER_COMMISSIONING,
  MAX_COMMISSIONINGS_PER_CLAIM_BLOCK,
  serialDigits,
  type CommissioningClaim,
  type CommissioningInput,
  type DrugCommissioning,
} from '../../../model/src';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { claimKey, commissioningKey } from './drugKeys';
import type { DrugSession } from './drugSession';
import { countUnits } from './holdings';
import { requireHolderOrManufacturer } from './identificationCodes';
import { putBatch, requireBatch, requireProduct } from './products';

/**
 * Anchors the code list of one batch and level: its Merkle root, count and serial span. The span is
 * claimed whole in the claim blocks it meets, so no serial of it can be commissioned again (by this
 * holder or, since the identification code is the holder's, by anyone). The batch counts what was
 * commissioned against what it planned.
 */
export async function commissionCodes(session: DrugSession, input: CommissioningInput): Promise<DrugCommissioning> {
  const product = await requireProduct(session, input.productId);
  await requireHolderOrManufacturer(session, product.holderId, `commission codes of product ${product.productId}`);
  const batch = await requireBatch(session, input.productId, input.batchNumber);
  if (batch.hold?.state === 'recalled') throw conflict(`batch ${batch.id} is recalled (${batch.hold.reason}); its codes cannot be commissioned`);
  const idCode = idCodeOfLevel(product, input.level);
  if (idCode === undefined) throw invalid(`level: product ${product.productId} has no ${input.level} level`);
  const planned = batch.quantities[input.level];
  const already = batch.commissioned[input.level] ?? 0;
  if (planned === undefined) throw invalid(`level: batch ${batch.id} plans no ${input.level} packs`);
  if (already + input.count > planned) throw conflict(`batch ${batch.id} plans ${planned} ${input.level} codes and has ${already}; ${input.count} more would exceed it`);
  const eventTime = input.eventTime ?? session.now;
  requireEventTimeNotAhead(session.ctx, eventTime);

  const firstBlock = claimBlockOf(input.firstSerial);
  const lastBlock = claimBlockOf(input.lastSerial);
  if (lastBlock - firstBlock + 1 > MAX_CLAIM_BLOCKS_PER_COMMISSIONING) {
    throw invalid(`lastSerial: the span ${serialDigits(input.firstSerial)}..${serialDigits(input.lastSerial)} meets ${lastBlock - firstBlock + 1} blocks of a million serials; at most ${MAX_CLAIM_BLOCKS_PER_COMMISSIONING} — split a scattered list into commissionings of nearby serials`);
  }
  const id = commissioningIdOf(idCode, input.firstSerial);
  for (let block = firstBlock; block <= lastBlock; block++) {
    const key = claimKey(session.ctx, idCode, block);
    const claim = (await session.read<CommissioningClaim>(key)) ?? { idCode, block, spans: [] };
    const clash = claim.spans.find((span) => span.from <= input.lastSerial && input.firstSerial <= span.to);
    if (clash) {
      throw conflict(`serials ${serialDigits(input.firstSerial)}..${serialDigits(input.lastSerial)} of identification code ${idCode} overlap ${serialDigits(clash.from)}..${serialDigits(clash.to)}, commissioned as ${clash.commissioningId}`);
    }
    if (claim.spans.length >= MAX_COMMISSIONINGS_PER_CLAIM_BLOCK) {
      throw conflict(`block ${block} of identification code ${idCode} already holds ${MAX_COMMISSIONINGS_PER_CLAIM_BLOCK} commissionings; commission larger lists`);
    }
    const spans = [...claim.spans, { from: input.firstSerial, to: input.lastSerial, commissioningId: id }].sort((a, b) => a.from - b.from);
    session.stage(key, { idCode, block, spans } satisfies CommissioningClaim, 'claims');
  }
  const commissioning: DrugCommissioning = {
    id,
    idCode,
    productId: product.productId,
    batchNumber: batch.batchNumber,
    batchId: batch.id,
    level: input.level,
    firstSerial: input.firstSerial,
    lastSerial: input.lastSerial,
    count: input.count,
    contiguous: input.count === input.lastSerial - input.firstSerial + 1,
    merkleRoot: input.merkleRoot,
    commissionedBy: session.actorId,
    eventTime,
    recordedAt: session.now,
    txId: session.txId,
  };
  session.stage(commissioningKey(session.ctx, id), commissioning, 'commissionings');
  batch.commissioned = { ...batch.commissioned, [input.level]: already + input.count };
  putBatch(session, batch);
  // Sale units start in the commissioner's tally; boxes and cases only carry them.
  if (input.level === 'unit') await countUnits(session, batch.id, session.actorId, 'commissioned', input.count);
  session.recordMovement({ action: 'commission', eventId: `commission:${id}`, codes: [], eventTime, counts: { [input.level]: input.count }, detail: `${serialDigits(input.firstSerial)}..${serialDigits(input.lastSerial)} of ${idCode}, root ${input.merkleRoot}` });
  return commissioning;
}
