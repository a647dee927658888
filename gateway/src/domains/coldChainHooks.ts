import { AlertKinds, ColdChainEvents, type ColdChainLedgerUpdate } from '../../../model/src';
import type { CoverageSweeper } from '../coverage/coverageSweeper';
import { MAX_TRACED_LOTS, traceLots } from '../lineage/lotTrace';
import type { LedgerModels } from '../projection/models';
import type { ProjectionReadCache } from '../projection/readCache';
import type { DomainHooks } from './domainHooks';

/** What the cold chain needs to answer its hooks. */
export interface ColdChainHookReads {
  models: LedgerModels;
  cache: ProjectionReadCache;
  coverage: CoverageSweeper;
  coverageSweepSeconds: number;
}

/**
 * The cold chain's contribution to the regulator's work: the alerts its chaincode raises, a recall
 * that reaches every lot split, merged or transformed from the recalled one (the chaincode's hold
 * reaches them too, see chaincode/src/supplychain/holdReach.ts), and the temperature coverage check.
 */
export function coldChainHooks({ models, cache, coverage, coverageSweepSeconds }: ColdChainHookReads): DomainHooks {
  return {
    domain: 'coldchain',
    alertKinds: AlertKinds,
    alertsOf: (eventName, record) =>
      (Object.values(ColdChainEvents) as string[]).includes(eventName)
        ? ((record as ColdChainLedgerUpdate).alerts ?? []).map((alert) => ({ domain: 'coldchain' as const, itemId: alert.lotId, alertId: alert.alertId }))
        : [],
    async recallScope(lotId) {
      // As many lineage levels as there can be lots: the walk's own bound stops it first.
      const trace = await traceLots(models, lotId, 'forward', MAX_TRACED_LOTS, cache);
      if (!trace) return undefined;
      const downstream = trace.lots.filter((lot) => lot.depth > 0).sort((a, b) => a.depth - b.depth).map((lot) => lot.lotId);
      return { itemId: lotId, downstream, holders: trace.holders, truncated: trace.truncated };
    },
    scheduledChecks: [{ name: 'coldchain temperature coverage', everySeconds: coverageSweepSeconds, run: (now) => coverage.sweep(now) }],
  };
}
