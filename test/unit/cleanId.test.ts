import { expect } from 'chai';
import type { z } from 'zod';
import {
  AfterSaleScanAnomalySchema,
  ConsumerComplaintSchema,
  CustodyEventInputSchema,
  EnterpriseRegistrationSchema,
  EntryDocumentInputSchema,
  HourlyScanAnomalySchema,
  IdentityBindingSchema,
  isCleanText,
  LoggerAttachmentInputSchema,
  LoggerRegistrationSchema,
  LotRegistrationSchema,
  parseOrThrow,
  TraceEventInputSchema,
  UnitRunInputSchema,
  UnitSalesBodySchema,
  unsafeCharacterIn,
} from '../../model/src';

type Input = Record<string, unknown>;

const lotId = '01/09521234543213/10/LOT42';
const eventTime = '2026-11-29T08:30:00+08:00';
const loggerId = 'urn:epc:id:giai:4000001.111';
const store = { action: 'store', eventId: 'ev-1', lotId, eventTime, location: { gln: '0614141000036' } };

/** Each schema with a valid input and the id fields in it (dotted paths) that reach a ledger key or a read-store `_id`. */
const cases: ReadonlyArray<{ name: string; schema: z.ZodType; valid: Input; fields: string[] }> = [
  { name: 'trace event', schema: TraceEventInputSchema, valid: { eventId: 'ev-1', subjectId: '00/395212345000000019', bizStep: 'shipping', eventTime }, fields: ['eventId', 'subjectId'] },
  { name: 'custody event', schema: CustodyEventInputSchema, valid: store, fields: ['eventId', 'lotId'] },
  { name: 'shipment', schema: CustodyEventInputSchema, valid: { ...store, action: 'ship', to: '91350100M000100Y43', quantity: 10 }, fields: ['to'] },
  {
    name: 'lot registration',
    schema: LotRegistrationSchema,
    valid: { gtin: '09521234543213', lotNumber: 'NZ-2026-11', product: 'Frozen lamb', category: 'frozen', lotType: 'imported', originCountry: 'NZ', producer: 'ME 41', quantity: 1, unit: 'kg', productionDate: '2026-10-01', expiryDate: '2028-10-01' },
    fields: ['gtin', 'lotNumber'],
  },
  { name: 'entry document', schema: EntryDocumentInputSchema, valid: { kind: 'testReport', number: 'TR-1', issuer: 'Lab', issuedOn: '2026-11-01', sha256: 'a'.repeat(64) }, fields: ['number'] },
  { name: 'logger registration', schema: LoggerRegistrationSchema, valid: { loggerId }, fields: ['loggerId'] },
  { name: 'logger attachment', schema: LoggerAttachmentInputSchema, valid: { loggerId, lotId, eventTime }, fields: ['loggerId', 'lotId'] },
  { name: 'unit run', schema: UnitRunInputSchema, valid: { lotId, serialPrefix: 'SN', from: 1, count: 10 }, fields: ['lotId', 'serialPrefix'] },
  { name: 'unit sales', schema: UnitSalesBodySchema, valid: { sales: [{ serial: 'SN000042', eventTime }] }, fields: ['sales.0.serial'] },
  {
    name: 'enterprise registration',
    schema: EnterpriseRegistrationSchema,
    valid: { id: '91330100MA27Y0C108', name: 'Demo Cold Storage', kinds: ['coldStore'], region: '330100', licences: [{ kind: 'food business', number: 'JY13301000123456', validUntil: '2030-01-01' }] },
    fields: ['id', 'licences.0.number'],
  },
  { name: 'identity binding', schema: IdentityBindingSchema, valid: { enterpriseId: '91330100MA27Y0C108', mspId: 'SupplyOrgMSP', enrollmentId: 'clerk1' }, fields: ['enterpriseId', 'enrollmentId'] },
  { name: 'consumer complaint', schema: ConsumerComplaintSchema, valid: { subjectId: lotId, category: 'quality', text: 'smells off' }, fields: ['subjectId'] },
  {
    name: 'hourly scan anomaly',
    schema: HourlyScanAnomalySchema,
    valid: { subjectId: '8004/4000001111', windowStart: '2026-11-29T08:00:00.000Z', regions: { '33': 2, '11': 3 }, scans: 5 },
    fields: ['subjectId'],
  },
  {
    name: 'after-sale scan anomaly',
    schema: AfterSaleScanAnomalySchema,
    valid: { subjectId: '01/09521234543213/21/SN000042', reason: 'scannedAfterSale', soldAt: eventTime, clients: 3, scans: 3 },
    fields: ['subjectId'],
  },
];

function valueAt(input: Input, path: string): string {
  return path.split('.').reduce<unknown>((node, key) => (node as Input)[key], input) as string;
}

function withValue(input: Input, path: string, value: string): Input {
  const copy = structuredClone(input);
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<unknown>((node, key) => (node as Input)[key], copy) as Input;
  parent[keys[keys.length - 1]] = value;
  return copy;
}

/** The id with `character` slipped in before its last character, where a loose pattern like `[^/]+` still matches. */
const spoil = (id: string, character: string): string => `${id.slice(0, -1)}${character}${id.slice(-1)}`;

const unsafe: ReadonlyArray<[string, string]> = [
  ['NUL', '\u0000'],
  ['a line feed', '\n'],
  ['DEL', '\u007f'],
];

describe('ids refuse control characters', () => {
  for (const { name, schema, valid, fields } of cases) {
    it(`accepts a normal ${name}`, () => {
      expect(() => parseOrThrow(schema, valid)).not.to.throw();
    });
    for (const field of fields) {
      for (const [what, character] of unsafe) {
        it(`refuses ${what} in the ${name}'s ${field}`, () => {
          const input = withValue(valid, field, spoil(valueAt(valid, field), character));
          expect(() => parseOrThrow(schema, input)).to.throw(new RegExp(`^INVALID: ${field.replace(/\./g, '\\.')}: must not contain control characters, line separators or lone surrogates \\(found U\\+00[0-9A-F]{2} at position \\d+\\), e\\.g\\. [^;]+$`));
        });
      }
    }
  }

  it('refuses a line separator and a lone surrogate in a complaint subject, which a loose path pattern would let through', () => {
    for (const character of ['\u2028', '\ud83d']) {
      expect(() => parseOrThrow(ConsumerComplaintSchema, { subjectId: `${lotId}${character}`, category: 'quality', text: 'smells off' })).to.throw(/subjectId: must not contain control characters/);
    }
  });

  it('names the first unsafe character and where it is', () => {
    expect(unsafeCharacterIn('LOT\u000042')).to.equal('U+0000 at position 3');
    expect(unsafeCharacterIn('a\u0085')).to.equal('U+0085 at position 1');
    expect(unsafeCharacterIn('\udc00x')).to.equal('U+DC00 at position 0');
    expect(unsafeCharacterIn('LOT42')).to.equal(undefined);
  });

  it('lets ordinary text through, paired surrogates and CJK included', () => {
    for (const text of ['01/09521234543213/10/LOT42', 'urn:epc:id:giai:4000001.111', '冷库-1', 'lot 😀', '\u00a0']) {
      expect(isCleanText(text), JSON.stringify(text)).to.equal(true);
    }
    for (const text of ['\u0000', '\u001f', '\u007f', '\u009f', '\u2029', '\ud800']) {
      expect(isCleanText(text), JSON.stringify(text)).to.equal(false);
    }
  });
});
