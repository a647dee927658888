import type { Context } from 'fabric-contract-api';
import {
  conflict,
  correctedLink,
  correctedLinkQuantity,
  forbidden,
  MspIds,
  notFound,
  type LineageCorrection,
  type LineageLink,
} from '../../../model/src';
import { callerOf } from '../common/caller';
import { requireEnterpriseCaller } from '../registry/registeredCaller';
import { readRecord } from '../common/state';
import type { SupplyChainSession } from './supplyChainSession';
import { childLinkKey, linkCorrectionKey } from './supplyChainKeys';

/**
 * Corrections of lineage links written with a wrong figure (split links that gave every child the
 * parent's total). The link key is never rewritten: a correction record beside it carries the figure
 * recomputed from the child lot, and every read applies it.
 */

export interface CorrectionAuthority {
  /** Enterprise id, or `admin:<enrollment id>` for the platform admin. */
  actorId: string;
  admin: boolean;
}

/** The platform admin, or else the enterprise the caller is bound to (whether it owns either lot is checked per link). */
export async function correctionAuthorityOf(ctx: Context): Promise<CorrectionAuthority> {
  const caller = callerOf(ctx);
  if (caller.mspId === MspIds.regulator && caller.role === 'admin') {
    return { actorId: `admin:${caller.enrollmentId}`, admin: true };
  }
  const { enterprise } = await requireEnterpriseCaller(ctx);
  return { actorId: enterprise.id, admin: false };
}

/**
 * Recomputes the link parent → child from the child lot and records the correction; refused when the
 * link already says that figure or was corrected before. The figure never comes from the caller, so
 * who asks for it (the admin, or the owner of either lot) cannot bend it.
 */
export async function correctLineage(session: SupplyChainSession, authority: CorrectionAuthority, parentId: string, childId: string): Promise<LineageCorrection> {
  const link = await session.read<LineageLink>(childLinkKey(session.ctx, parentId, childId));
  if (!link) {
    throw notFound(`no lineage link leads from lot ${parentId} to lot ${childId}`);
  }
  const parent = await session.lot(parentId);
  const child = await session.lot(childId);
  if (!authority.admin && authority.actorId !== parent.ownerId && authority.actorId !== child.ownerId) {
    throw forbidden(`only the platform admin or the owner of lot ${parentId} or of lot ${childId} may correct the link between them; caller is ${authority.actorId}`);
  }
  const key = linkCorrectionKey(session.ctx, parentId, childId);
  const earlier = await session.read<LineageCorrection>(key);
  if (earlier) {
    throw conflict(`nothing to correct: the ${link.kind} link from lot ${parentId} to lot ${childId} was corrected from ${earlier.originalQuantity} to ${earlier.quantity} ${parent.unit} in transaction ${earlier.txId}`);
  }
  const quantity = correctedLinkQuantity(link, child);
  if (quantity === link.quantity) {
    throw conflict(`nothing to correct: the ${link.kind} link from lot ${parentId} to lot ${childId} already says ${link.quantity} ${parent.unit}`);
  }
  const correction: LineageCorrection = {
    parentId,
    childId,
    kind: link.kind,
    eventId: link.eventId,
    linkTxId: link.txId,
    originalQuantity: link.quantity,
    quantity,
    childQuantity: child.initialQuantity,
    basis: `initialQuantity of lot ${childId}: a ${link.kind} child takes its own quantity from its parent`,
    correctedBy: authority.actorId,
    correctedAt: session.now,
    txId: session.txId,
  };
  session.stage(key, correction, 'lineageCorrections');
  session.reportLineage(correctedLink(link, correction));
  return correction;
}

/** A link as every read shows it: with its correction applied, where there is one. */
export async function withCorrection(ctx: Context, link: LineageLink): Promise<LineageLink> {
  return correctedLink(link, await readRecord<LineageCorrection>(ctx, linkCorrectionKey(ctx, link.parentId, link.childId)));
}
