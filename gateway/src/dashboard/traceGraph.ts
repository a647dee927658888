import type { Recall, RecallHolder } from '../../../model/src';
import { traceLots, type LotTraceResult } from '../lineage/lotTrace';
import type { LedgerModels } from '../projection/models';
import type { ProjectionReadCache } from '../projection/readCache';

/** A node of the trace graph: a lot, a drug batch, or an enterprise that held one. */
export interface TraceGraphNode {
  id: string;
  kind: 'lot' | 'batch' | 'enterprise';
  /** Lineage steps from the lot asked for: negative back (what it was made from), positive forward. */
  depth?: number;
  product?: string;
  hold?: string;
  /** On the recall's impact list (a lot or batch), or an affected holder (an enterprise). */
  impacted: boolean;
  /** Of an affected holder: whether it acknowledged the recall. */
  acknowledged?: boolean;
}

/** An edge: a lineage link (split, merge, transform: parent → child) or custody (lot → an enterprise that held it). */
export interface TraceGraphLink {
  source: string;
  target: string;
  kind: string;
}

export interface TraceGraph {
  lotId?: string;
  recallId?: string;
  nodes: TraceGraphNode[];
  links: TraceGraphLink[];
  /** The items of the recall's impact list (every holder's items), when a recall was asked for. */
  impact: string[];
  truncated: boolean;
}

/**
 * The lineage and custody of lots forward and back, as a graph: each start lot traced `hops` levels
 * both ways through the projection's journeys (`traceLots`, `_id` reads level by level), every lot with
 * the enterprises that held it. With a recall: its scope items are the start lots (or, for drugs, the
 * batches with their holders), and the impact list's items and holders are marked.
 *
 * @example
 * const graph = await traceGraph(models, { recall, holders }, 5);
 * graph.nodes.filter((node) => node.impacted); // what the recall reaches
 */
export async function traceGraph(models: LedgerModels, start: { lotId: string } | { recall: Recall; holders: readonly RecallHolder[] }, hops: number, cache?: ProjectionReadCache): Promise<TraceGraph | undefined> {
  const recall = 'recall' in start ? start.recall : undefined;
  const holders = 'recall' in start ? start.holders : [];
  const impact = new Set([...(recall?.scopeItems ?? []), ...holders.flatMap((holder) => holder.items.map((item) => item.itemId))]);
  const affected = new Map(holders.map((holder) => [holder.enterpriseId, holder.acknowledgedAt !== undefined]));
  const nodes = new Map<string, TraceGraphNode>();
  const links = new Map<string, TraceGraphLink>();
  const addLink = (link: TraceGraphLink): void => {
    links.set(`${link.source}>${link.target}|${link.kind}`, link);
  };
  const addEnterprise = (id: string): void => {
    if (!nodes.has(id)) nodes.set(id, { id, kind: 'enterprise', impacted: affected.has(id), ...(affected.has(id) ? { acknowledged: affected.get(id) } : {}) });
  };
  let truncated = false;
  const add = (trace: LotTraceResult, sign: 1 | -1): void => {
    truncated ||= trace.truncated;
    for (const lot of trace.lots) {
      const known = nodes.get(lot.lotId);
      const depth = sign * lot.depth;
      if (!known || Math.abs(depth) < Math.abs(known.depth ?? 0)) nodes.set(lot.lotId, { id: lot.lotId, kind: 'lot', depth, product: lot.product, hold: lot.hold, impacted: impact.has(lot.lotId) });
      for (const holder of lot.holders) {
        addEnterprise(holder);
        addLink({ source: lot.lotId, target: holder, kind: 'custody' });
      }
    }
    for (const link of trace.links) addLink({ source: link.parentId, target: link.childId, kind: link.kind });
  };
  if (recall && recall.domain !== 'food') {
    // Drug batches move as packs of codes, not lots with lineage: the batch and who held it.
    for (const batch of recall.scopeItems) nodes.set(batch, { id: batch, kind: 'batch', depth: 0, impacted: true });
    for (const holder of holders) {
      addEnterprise(holder.enterpriseId);
      for (const item of holder.items) addLink({ source: item.itemId, target: holder.enterpriseId, kind: 'custody' });
    }
    return { recallId: recall.recallId, nodes: [...nodes.values()], links: [...links.values()], impact: [...impact], truncated };
  }
  const starts = recall ? recall.scopeItems : [(start as { lotId: string }).lotId];
  let found = false;
  for (const lotId of starts) {
    for (const [direction, sign] of [['forward', 1], ['back', -1]] as const) {
      const trace = await traceLots(models, lotId, direction, hops, cache);
      if (!trace) continue;
      found = true;
      add(trace, sign);
    }
  }
  if (!found) return undefined;
  // An affected holder that holds a lot the walk reached is linked to it by custody already; one that holds nothing reached still shows.
  for (const holder of affected.keys()) addEnterprise(holder);
  return { ...(recall ? { recallId: recall.recallId } : { lotId: starts[0] }), nodes: [...nodes.values()], links: [...links.values()], impact: [...impact], truncated };
}
