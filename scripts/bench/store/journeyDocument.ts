/**
 * Documents shaped like the cold-chain journey (`gateway/src/projection/coldchain/journey.ts`): the
 * lot's latest state, its custody log, lineage, loggers, reading anchors and holders in one document
 * keyed by the lot id: about 1.6 KB as JSON after its first custody event, 2 KB after a hand-off. The benchmark writes its own
 * copy of the shape, not the projection's type, so the projection can be redesigned without this
 * file following every field; what matters to the store is size, nesting and the `_id`.
 */
export interface BenchJourney {
  _id: string;
  lot: Record<string, unknown> & { custodianId: string; eventCount: number };
  custody: Record<string, unknown>[];
  alerts: Record<string, unknown>[];
  parents: Record<string, unknown>[];
  children: Record<string, unknown>[];
  loggers: Record<string, unknown>[];
  anchors: string[];
  holders: string[];
  source: { txId: string; blockNumber: number; txIndex: number; eventIndex: number };
}

const GTIN = '09521234543213';
const ENTERPRISES = ['91330100MA27Y0C11B', '91330200MA2H3K4L5M', '91330600MA2B7C8D9E', '91310000MA1FL2G3H4', '91440300MA5D6E7F8G'];
const DAY_MS = 86_400_000;
const START_MS = Date.parse('2026-10-01T06:00:00Z');

/** The lot id of the `n`th journey (a GS1 Digital Link path, as the ledger keys lots). */
export function lotIdOf(n: number): string {
  return `01/${GTIN}/10/BENCH${String(n).padStart(7, '0')}`;
}

/** The `_id` of version `version` of a journey when versions are appended instead of replaced. */
export function versionedIdOf(lotId: string, version: number): string {
  return `${lotId}@${version}`;
}

/** Custodian of the `n`th journey at `version`: each new version is a hand-off to the next enterprise. */
export function custodianOf(n: number, version: number): string {
  return ENTERPRISES[(n + version) % ENTERPRISES.length];
}

const txIdOf = (n: number, version: number): string => `${n.toString(16).padStart(8, '0')}${version.toString(16).padStart(4, '0')}`.repeat(6).slice(0, 64);
const timeOf = (n: number, step: number): string => new Date(START_MS + (n % 500) * 60_000 + step * DAY_MS).toISOString();

function custodyRecord(n: number, sequence: number): Record<string, unknown> {
  const lotId = lotIdOf(n);
  return {
    action: sequence % 2 === 1 ? 'ship' : 'receive',
    eventId: `${lotId}#${sequence}`,
    lotId,
    eventTime: timeOf(n, sequence),
    location: { address: 'Xiaoshan Cold Store', region: '330109' },
    quantity: 40,
    enterpriseId: custodianOf(n, sequence - 1),
    assurance: 'ledger-attested',
    sequence,
    recordedAt: timeOf(n, sequence),
    txId: txIdOf(n, sequence),
  };
}

/**
 * Journey `n` with `version` custody events (version 1: shipped once; each later version one more). The `_id` is the lot
 * id unless `id` says otherwise (the append-only shape keys versions `<lotId>@<version>`).
 *
 * @example
 * await collection.insertMany([benchJourney(0, 1), benchJourney(1, 1)]);
 */
export function benchJourney(n: number, version: number, id = lotIdOf(n)): BenchJourney {
  const lotId = lotIdOf(n);
  const custody = Array.from({ length: version }, (_, i) => custodyRecord(n, i + 1));
  return {
    _id: id,
    lot: {
      id: lotId,
      gtin: GTIN,
      lotNumber: `BENCH${String(n).padStart(7, '0')}`,
      unit: 'kg',
      productionDate: '2026-09-28',
      ownerId: ENTERPRISES[n % ENTERPRISES.length],
      custodianId: custodianOf(n, version),
      status: 'active',
      initialQuantity: 40,
      quantityOnHand: 40,
      quantitySold: 0,
      quantityLost: 0,
      quantityToChildren: 0,
      parents: [],
      assurance: 'ledger-attested',
      eventCount: custody.length,
      product: 'Frozen lamb shoulder, bone-in',
      category: 'meat',
      lotType: 'carton',
      originCountry: 'NZ',
      producer: 'Alliance Group plant ME 41',
      expiryDate: '2027-09-28',
      storageRange: { minTenthsC: -250, maxTenthsC: -180 },
      excursionToleranceMinutes: 30,
      documents: { quarantine: `Q-${n}` },
      missingDocuments: [],
      documentStatus: 'complete',
      createdAt: timeOf(n, 0),
      createdTxId: txIdOf(n, 0),
      updatedAt: timeOf(n, version),
      updatedTxId: txIdOf(n, version),
    },
    custody,
    alerts: [],
    parents: [],
    children: [],
    loggers: [],
    anchors: [],
    holders: [...new Set(custody.map((record) => String(record.enterpriseId)))],
    source: { txId: txIdOf(n, version), blockNumber: 1000 + n + version, txIndex: n % 50, eventIndex: 0 },
  };
}

/** The few fields a hand-off changes, as a `$set` (write shape (e)) — the rest of the journey stays. */
export function handOffFields(n: number, version: number): Record<string, unknown> {
  const journey = benchJourney(n, version);
  return {
    'lot.custodianId': journey.lot.custodianId,
    'lot.quantityOnHand': journey.lot.quantityOnHand,
    'lot.eventCount': journey.lot.eventCount,
    'lot.updatedAt': journey.lot.updatedAt,
    'lot.updatedTxId': journey.lot.updatedTxId,
    source: journey.source,
  };
}
