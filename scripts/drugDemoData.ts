import type { EnterpriseRegistration } from '../model/src';
import type { NetworkLayout } from '../network/src/layout';
import { step } from '../network/src/progress';

/**
 * The drug demo: a marketing-authorisation holder in Hangzhou, a wholesaler and a pharmacy in
 * Shaoxing. The holder commissions a batch of amoxicillin capsules (40 units, 4 boxes, 2 cases),
 * packs them, ships a case to the wholesaler, which unpacks it and sends a box on to the pharmacy,
 * which sells one unit. Every write has a fixed Idempotency-Key, so a second start replays it.
 */
export const DRUG_DEMO_ENTERPRISES: (EnterpriseRegistration & { enrollmentId: string })[] = [
  { id: '91330100MA2D0G0H1J', enrollmentId: 'demo-drugmaker', name: '杭州示范制药有限公司 (Hangzhou Demo Pharmaceutical Co.)', kinds: ['drugMaker'], region: '330100', licences: [{ kind: 'drug manufacturing licence', number: '浙20260001', validUntil: '2030-12-31' }] },
  { id: '91330100MA2D0G0H2M', enrollmentId: 'demo-drugwholesaler', name: '杭州示范医药批发有限公司 (Hangzhou Demo Drug Wholesale Co.)', kinds: ['drugWholesaler'], region: '330100', licences: [{ kind: 'drug distribution licence', number: '浙AA5710001', validUntil: '2030-12-31' }] },
  { id: '91330600MA2D0G0H3J', enrollmentId: 'demo-pharmacy', name: '绍兴示范大药房 (Shaoxing Demo Pharmacy)', kinds: ['pharmacy'], region: '330600', licences: [{ kind: 'drug retail licence', number: '浙CB5750001', validUntil: '2030-12-31' }] },
];

/** The demo product's identification codes: unit, box, case. */
const ID_CODES = { unit: '6900001', box: '6900002', case: '6900003' } as const;
const PRODUCT_ID = ID_CODES.unit;
const BATCH = 'DEMO-AMX-1';
/** The demo's check digits stand in for the code platform's (whose algorithm is not public). */
const codeOf = (idCode: string, serial: number): string => `${idCode}${String(serial).padStart(9, '0')}${String((serial * 7919 + Number(idCode)) % 10_000).padStart(4, '0')}`;
const codesOf = (idCode: string, from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => codeOf(idCode, from + i));
const PHARMACY = { address: '绍兴市越城区解放北路 9 号', region: '330602' };
const at = (day: number, hour: number): string => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;

type DemoWrite = (token: string, route: string, body: unknown, idempotencyKey: string) => Promise<void>;

/**
 * Loads the drug demo with the tokens of its three enterprises (in {@link DRUG_DEMO_ENTERPRISES}
 * order); answers the URLs worth scanning and the entry page.
 */
export async function loadDrugDemo(layout: NetworkLayout, admin: string, [maker, wholesaler, pharmacy]: string[], write: DemoWrite): Promise<{ label: string; url: string }[]> {
  const [makerId, wholesalerId] = DRUG_DEMO_ENTERPRISES.map((e) => e.id);
  for (const [level, idCode] of Object.entries(ID_CODES)) await write(admin, '/admin/drug/identification-codes', { idCode, holderId: makerId }, `demo-drug-idcode-${level}`);
  await write(maker, '/drug/products', {
    approvalNumber: '国药准字H20260001', genericName: '阿莫西林胶囊', tradeName: '示范阿莫仙', dosageForm: '胶囊剂', strength: '0.25g', packageSpec: '24粒/盒', storageCondition: '密封，在干燥处保存',
    levels: [{ level: 'unit', idCode: ID_CODES.unit }, { level: 'box', idCode: ID_CODES.box, contains: 10 }, { level: 'case', idCode: ID_CODES.case, contains: 2 }],
  }, 'demo-drug-product');
  await write(maker, '/drug/batches', { productId: PRODUCT_ID, batchNumber: BATCH, productionDate: '2026-11-01', expiryDate: '2028-10-31', quantities: { unit: 40, box: 4, case: 2 } }, 'demo-drug-batch');
  const commission = (level: keyof typeof ID_CODES, count: number) =>
    write(maker, '/drug/commissionings', { productId: PRODUCT_ID, batchNumber: BATCH, level, codes: codesOf(ID_CODES[level], 1, count), eventTime: at(2, 9) }, `demo-drug-commission-${level}`);
  await commission('unit', 40);
  await commission('box', 4);
  await commission('case', 2);
  for (let b = 1; b <= 4; b++) {
    await write(maker, '/drug/packs', { eventId: `demo-drug-pack-box${b}`, eventTime: at(2, 10), parent: codeOf(ID_CODES.box, b), children: [{ idCode: ID_CODES.unit, from: b * 10 - 9, to: b * 10 }] }, `demo-drug-pack-box${b}`);
  }
  for (let c = 1; c <= 2; c++) {
    await write(maker, '/drug/packs', { eventId: `demo-drug-pack-case${c}`, eventTime: at(2, 11), parent: codeOf(ID_CODES.case, c), children: [codeOf(ID_CODES.box, 2 * c - 1), codeOf(ID_CODES.box, 2 * c)] }, `demo-drug-pack-case${c}`);
  }
  const case1 = codeOf(ID_CODES.case, 1);
  const box1 = codeOf(ID_CODES.box, 1);
  await write(maker, '/drug/shipments', { eventId: 'demo-drug-ship-case1', eventTime: at(3, 9), to: wholesalerId, codes: [case1] }, 'demo-drug-ship-case1');
  await write(wholesaler, '/drug/receipts', { eventId: 'demo-drug-receive-case1', eventTime: at(3, 15), codes: [case1], decision: 'accept' }, 'demo-drug-receive-case1');
  await write(wholesaler, '/drug/unpacks', { eventId: 'demo-drug-unpack-case1', eventTime: at(4, 9), parent: case1 }, 'demo-drug-unpack-case1');
  await write(wholesaler, '/drug/shipments', { eventId: 'demo-drug-ship-box1', eventTime: at(4, 10), to: DRUG_DEMO_ENTERPRISES[2].id, codes: [box1] }, 'demo-drug-ship-box1');
  await write(pharmacy, '/drug/receipts', { eventId: 'demo-drug-receive-box1', eventTime: at(4, 16), codes: [box1], decision: 'accept' }, 'demo-drug-receive-box1');
  await write(pharmacy, '/drug/dispenses', { eventId: 'demo-drug-till-1', kind: 'sale', location: PHARMACY, units: [{ code: codeOf(ID_CODES.unit, 1), eventTime: at(5, 10) }] }, 'demo-drug-sale-1');
  step('demo', `demo drug batch ${PRODUCT_ID}/${BATCH}: 40 units in 4 boxes in 2 cases; case 1 at the wholesaler, box 1 at the pharmacy, unit 1 sold`);
  const base = `http://127.0.0.1:${layout.gatewayPort}`;
  return [
    { label: 'drug unit, sold', url: `${base}/drugcodes/${codeOf(ID_CODES.unit, 1)}` },
    { label: 'drug unit, at the pharmacy', url: `${base}/drugcodes/${codeOf(ID_CODES.unit, 2)}` },
    { label: 'drug case (count only)', url: `${base}/drugcodes/${codeOf(ID_CODES.case, 2)}` },
    { label: 'drug code guessed (unknown)', url: `${base}/drugcodes/${codeOf(ID_CODES.unit, 2).slice(0, 16)}0000` },
    { label: 'drug code entry page', url: `${base}/drugcodes` },
  ];
}
