import type { ColdChainLot, CustodyRecord, LineageLink, LoggerAttachment, RiskAlert } from '../../model/src';
import { consumerLotView, lotFactsOf, type ConsumerLotView } from '../../gateway/src/consumer/lotView';
import type { LotInputs } from '../../gateway/src/consumer/lotInputs';
import type { ColdChainJourney } from '../../gateway/src/projection/coldchain';

/** Journeys and consumer views as the projection would hold them, with only the fields the page reads. */

export const GTIN = '09521234543213';

export function lotOf(lotNumber: string, overrides: Partial<ColdChainLot> = {}): ColdChainLot {
  return {
    id: `01/${GTIN}/10/${lotNumber}`,
    gtin: GTIN,
    lotNumber,
    product: 'Frozen lamb shoulder',
    producer: 'Alliance Group plant ME 41',
    originCountry: 'NZ',
    expiryDate: '2099-03-31',
    ownerId: 'importer-1',
    custodianId: 'importer-1',
    documentStatus: 'complete',
    parents: [],
    ...overrides,
  } as unknown as ColdChainLot;
}

export function custodyOf(lotId: string, sequence: number, action: CustodyRecord['action'], eventTime: string, enterpriseId = 'importer-1'): CustodyRecord {
  return { lotId, sequence, eventId: `${lotId}#${sequence}`, action, eventTime, enterpriseId, location: { address: 'Xiaoshan cold store', region: '330109' } } as unknown as CustodyRecord;
}

export function journeyOf(lot: ColdChainLot, parts: { custody?: CustodyRecord[]; alerts?: RiskAlert[]; parents?: LineageLink[]; loggers?: LoggerAttachment[]; anchors?: string[] } = {}): ColdChainJourney & { lot: ColdChainLot } {
  const custody = parts.custody ?? [];
  return {
    _id: lot.id,
    lot,
    custody,
    alerts: parts.alerts ?? [],
    parents: parts.parents ?? [],
    children: [],
    loggers: parts.loggers ?? [],
    anchors: parts.anchors ?? [],
    holders: [...new Set(custody.map((e) => e.enterpriseId))],
    source: { txId: 'tx1', blockNumber: 7, txIndex: 0, eventIndex: 0 },
  };
}

/** A logger attachment: enough for the page to know temperatures are being recorded. */
export const ATTACHED_LOGGER = { loggerId: 'logger-1', lotId: 'any', periods: [], updatedTxId: 'tx0' } as unknown as LoggerAttachment;

export function alertOf(kind: RiskAlert['kind']): RiskAlert {
  return { alertId: `${kind}-1`, kind } as unknown as RiskAlert;
}

/** The view the resolver renders, built as ConsumerViews builds it. */
export function viewOf(journey: ColdChainJourney & { lot: ColdChainLot }, inputs?: LotInputs, names: Record<string, string> = { 'importer-1': 'Ningbo Imports Ltd' }): ConsumerLotView {
  return consumerLotView(lotFactsOf(journey, inputs), new Map(Object.entries(names)), new Date('2026-12-01T00:00:00Z'));
}
