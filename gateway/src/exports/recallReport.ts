import type { Writable } from 'node:stream';
import type { Recall, RecallHolder, RecallScope } from '../../../model/src';
import type { EnterpriseDirectory } from './enterpriseDirectory';
import { ReportPdf } from './reportPdf';

/** A recall's scope in words. */
export function scopeText(scope: RecallScope): string {
  switch (scope.kind) {
    case 'lots':
      return `lots ${scope.lotIds.join(', ')}`;
    case 'lotRange':
      return `GTIN ${scope.gtin}, lots ${scope.fromLotNumber} to ${scope.toLotNumber}`;
    case 'batches':
      return `drug batches ${scope.batches.map((batch) => `${batch.productId}/${batch.batchNumber}`).join(', ')}`;
    case 'product':
      return `every batch of drug product ${scope.productId}`;
  }
}

const named = (id: string, names: EnterpriseDirectory): string => {
  const name = names.nameOf(id);
  return name ? `${id} ${name}` : id;
};

/**
 * The printable report of one recall: why, how grave, what it covers, its deadlines and state, and the
 * impact list holder by holder: what each held, when it acknowledged (late or not, or silent past the
 * deadline), and what it reported withdrawn, returned and destroyed.
 */
export async function writeRecallReport(out: Writable, recall: Recall, holders: readonly RecallHolder[], names: EnterpriseDirectory, generatedFor: string): Promise<void> {
  await names.learn([recall.responsibleId, ...holders.map((holder) => holder.enterpriseId)]);
  const report = new ReportPdf(out, `Recall ${recall.recallId}`, `Printed ${new Date().toISOString()} for ${generatedFor} from the ledger's projection; transaction ${recall.txId}`);
  report.fields([
    ['Reason', recall.reason],
    ['Level', `${recall.level} (1 is the gravest)`],
    ['Domain', recall.domain],
    ['Scope', scopeText(recall.scope)],
    ['Scope items', recall.scopeItems.join(', ')],
    ['Responsible enterprise', named(recall.responsibleId, names)],
    ['Opened by', `${recall.openedBy.actorId}${recall.openedBy.regulator ? ` (regulator${recall.openedBy.unitId ? `, unit ${recall.openedBy.unitId}` : ''})` : ''}`],
    ['Opened at', recall.openedAt],
    ['Acknowledge by', recall.acknowledgeBy],
    ['Finish by (Shanghai day)', recall.finishBy],
    ['State', recall.state],
    ['Closed at', recall.closedAt],
    ['Closed by', recall.closedBy],
    ['Closing reason', recall.closeReason],
  ]);
  const acknowledged = holders.filter((holder) => holder.acknowledgedAt).length;
  const reported = holders.filter((holder) => holder.reportedAt).length;
  report.heading(`Impact list: ${holders.length} holders, ${recall.itemCount} items; ${acknowledged} acknowledged, ${reported} reported`);
  report.table(
    [
      { header: 'holder', width: 3 },
      { header: 'items held', width: 4 },
      { header: 'acknowledged', width: 2.2 },
      { header: 'reported', width: 2.2 },
      { header: 'withdrawn / returned / destroyed', width: 3.6 },
    ],
    holders.map((holder) => [
      `${named(holder.enterpriseId, names)}${holder.directConsignee ? ' (direct consignee)' : ''}`,
      holder.items.map((item) => `${item.itemId}: ${item.quantity} ${item.unit}${item.derivedFrom ? ` (from ${item.derivedFrom})` : ''}`).join('\n'),
      holder.acknowledgedAt ? `${holder.acknowledgedAt}${holder.late ? ' LATE' : ''}` : holder.overdueSince ? `silent, overdue since ${holder.overdueSince}` : 'not yet',
      holder.reportedAt ?? 'not yet',
      holder.report ? [...holder.report.items.map((item) => `${item.itemId}: ${item.withdrawn} / ${item.returned} / ${item.destroyed}`), ...(holder.report.note ? [`note: ${holder.report.note}`] : [])].join('\n') : '',
    ]),
  );
  await report.end();
}
