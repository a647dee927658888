import {
  byCodePoint,
  conflict,
  drawOf,
  forbidden,
  invalid,
  MspIds,
  notFound,
  seedCommitment,
  type Draw,
  type DrawCommitInput,
  type DrawReveal,
} from '../../../model/src';
import { readEnterprise } from '../registry/enterpriseStore';
import { readRegulatorBinding } from '../registry/regulatorStore';
import { drawKey } from './samplingKeys';
import type { SamplingSession } from './samplingSession';

/**
 * A regulator commits to a draw: the hash of its secret seed and the eligible lists, fixed now (every
 * enterprise registered and active, every inspector an active regulator identity), sorted.
 */
export async function commitDraw(session: SamplingSession, input: DrawCommitInput): Promise<Draw> {
  const key = drawKey(session.ctx, input.drawId);
  if (await session.read(key)) throw conflict(`drawId: draw ${input.drawId} is already committed`);
  if (input.planId) await session.plan(input.planId);
  const enterpriseIds = [...input.enterpriseIds].sort(byCodePoint);
  for (const id of enterpriseIds) {
    const enterprise = await readEnterprise(session.ctx, id);
    if (!enterprise) throw notFound(`enterpriseIds: no enterprise ${id} is registered`);
    if (enterprise.status !== 'active') throw invalid(`enterpriseIds: enterprise ${id} is ${enterprise.status}`);
  }
  const inspectorIds = [...input.inspectorIds].sort(byCodePoint);
  for (const id of inspectorIds) {
    const binding = await readRegulatorBinding(session.ctx, MspIds.regulator, id);
    if (binding?.status !== 'active') throw notFound(`inspectorIds: ${id} is not an active registered regulator identity`);
  }
  const draw: Draw = {
    drawId: input.drawId,
    ...(input.planId ? { planId: input.planId } : {}),
    commitment: input.commitment,
    enterpriseIds,
    inspectorIds,
    enterpriseCount: input.enterpriseCount,
    inspectorCount: input.inspectorCount,
    status: 'committed',
    committedBy: session.actorId,
    committedAt: session.now,
    commitTxId: session.txId,
  };
  session.stage(key, draw, 'draws');
  return draw;
}

/**
 * The regulator who committed reveals the seed in a later transaction: its hash must be the
 * commitment, and the draw computed from it and the committed lists is recorded.
 */
export async function revealDraw(session: SamplingSession, input: DrawReveal): Promise<Draw> {
  const draw = await session.read<Draw>(drawKey(session.ctx, input.drawId));
  if (!draw) throw notFound(`drawId: no draw ${input.drawId} was committed; commit the seed's hash first`);
  if (draw.status === 'revealed') throw conflict(`drawId: draw ${input.drawId} was already revealed at ${draw.revealedAt ?? ''}`);
  if (draw.committedBy !== session.actorId) throw forbidden(`only ${draw.committedBy}, who committed draw ${draw.drawId}, may reveal it; caller is ${session.actorId}`);
  if (Date.parse(session.now) <= Date.parse(draw.committedAt)) {
    throw conflict(`drawId: the reveal must come in a transaction later than the commit at ${draw.committedAt}; this one is at ${session.now}`);
  }
  if (seedCommitment(input.seed) !== draw.commitment) throw invalid(`seed: its SHA-256 is not the commitment ${draw.commitment} of draw ${draw.drawId}`);
  const { drawnEnterprises, drawnInspectors } = drawOf(input.seed, draw);
  const revealed: Draw = { ...draw, status: 'revealed', seed: input.seed, drawnEnterprises, drawnInspectors, revealedBy: session.actorId, revealedAt: session.now, revealTxId: session.txId };
  session.stage(drawKey(session.ctx, draw.drawId), revealed, 'draws');
  return revealed;
}
