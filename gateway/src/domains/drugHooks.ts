import { DrugAlertKinds, DrugEvents, type DrugLedgerUpdate } from '../../../model/src';
import { batchWhereabouts, type DrugCodeReader } from '../drugCodes';
import type { DrugModels } from '../projection/drug';
import type { DomainHooks } from './domainHooks';

/** What the drug domain needs to answer its hooks. */
export interface DrugHookReads {
  models: DrugModels;
  codes: DrugCodeReader;
}

/**
 * The drug domain's contribution to the regulator's work: the duplicate-sale alert, and a recall of a
 * batch (`<productId>/<batchNumber>`) that reaches every enterprise holding its packs now. Packs
 * carry the batch's codes with them, so nothing lies downstream of a batch but its holders; the
 * chaincode's batch hold stops every pack of it from moving. No scheduled checks yet.
 */
export function drugHooks({ models, codes }: DrugHookReads): DomainHooks {
  return {
    domain: 'drug',
    alertKinds: DrugAlertKinds,
    // Adverse-reaction reports are clues too: the intake asks for them as `adr:<reportId>` under their batch.
    alertsOf: (eventName, record) => {
      if (!(Object.values(DrugEvents) as string[]).includes(eventName)) return [];
      const update = record as DrugLedgerUpdate;
      return [
        ...(update.alerts ?? []).map((alert) => ({ domain: 'drug' as const, itemId: alert.code, alertId: alert.alertId })),
        ...(update.adverseReactions ?? []).map((report) => ({ domain: 'drug' as const, itemId: report.batchId, alertId: `adr:${report.reportId}` })),
      ];
    },
    async recallScope(batchId) {
      const whereabouts = await batchWhereabouts(models, codes, batchId);
      if (!whereabouts) return undefined;
      const holders = [...new Set([...Object.keys(whereabouts.holders), ...Object.keys(whereabouts.inTransit)])];
      return { itemId: batchId, downstream: [], holders, truncated: whereabouts.truncated };
    },
    scheduledChecks: [],
  };
}
