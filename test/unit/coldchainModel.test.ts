import { expect } from 'chai';
import {
  CustodyEventInputSchema,
  EntryDocumentInputSchema,
  EventLocationSchema,
  excursionEpisodes,
  isExcursionFor,
  isSamePlace,
  distanceKm,
  LotRegistrationSchema,
  missingDocuments,
  parseOrThrow,
  ProductCategories,
  ReadingAnchorInputSchema,
  RequiredDocuments,
} from '../../model/src';
import { sampleLot } from './modelFixtures';

const lot = sampleLot;

describe('cold-chain lot schema', () => {
  it('accepts a complete lot and defaults its assurance to typed', () => {
    expect(parseOrThrow(LotRegistrationSchema, lot).assurance).to.equal('typed');
  });

  it('refuses a GTIN with a wrong check digit, a negative quantity and an unknown unit, naming each', () => {
    expect(() => parseOrThrow(LotRegistrationSchema, { ...lot, gtin: '09521234543214', quantity: -5, unit: 'ton' }))
      .to.throw(/gtin: GTIN 09521234543214 has check digit 4, but the check digit of 0952123454321 is 3; quantity: must be positive; unit: /);
  });

  it('refuses fractional quantities, since quantities must balance exactly', () => {
    expect(() => parseOrThrow(LotRegistrationSchema, { ...lot, quantity: 1.5 })).to.throw(/quantity: must be a whole number/);
  });

  it('refuses an expiry before production and a lowercase country code', () => {
    expect(() => parseOrThrow(LotRegistrationSchema, { ...lot, expiryDate: '2026-09-30', originCountry: 'nz' }))
      .to.throw(/originCountry: must be an ISO 3166-1 alpha-2 country code.*expiryDate: must not be before productionDate/);
  });

  it('refuses a storage range whose minimum exceeds its maximum', () => {
    expect(() => parseOrThrow(LotRegistrationSchema, { ...lot, storageRange: { minTenthsC: 40, maxTenthsC: 0 } })).to.throw(/storageRange: minTenthsC must not exceed maxTenthsC/);
  });
});

describe('storage ranges per product category', () => {
  it('keeps frozen at or below −18 °C, chilled between 0 and 8 °C, chilled meat between 0 and 4 °C (tenths of a degree)', () => {
    expect(ProductCategories.frozen.range.maxTenthsC).to.equal(-180);
    expect(ProductCategories.chilled.range).to.deep.equal({ minTenthsC: 0, maxTenthsC: 80 });
    expect(ProductCategories.chilledMeat.range).to.deep.equal({ minTenthsC: 0, maxTenthsC: 40 });
  });
});

describe('required entry documents', () => {
  it('are a table per lot type: imported lots need four, domestic lots two', () => {
    expect(RequiredDocuments.imported).to.deep.equal(['customsDeclaration', 'inspectionQuarantineCertificate', 'testReport', 'disinfectionCertificate']);
    expect(RequiredDocuments.domestic).to.deep.equal(['testReport', 'originCertificate']);
  });

  it('lists what a lot still lacks', () => {
    const doc = parseOrThrow(EntryDocumentInputSchema, { kind: 'testReport', number: 'TR-1', issuer: 'Lab', issuedOn: '2026-11-01', sha256: 'a'.repeat(64) });
    const documents = { testReport: [{ ...doc, addedBy: 'x', addedAt: 't', txId: 'tx' }] };
    expect(missingDocuments('domestic', documents)).to.deep.equal(['originCertificate']);
    expect(missingDocuments('imported', {})).to.deep.equal(RequiredDocuments.imported);
  });

  it('refuses a document hash that is not 64 lowercase hex characters', () => {
    expect(() => parseOrThrow(EntryDocumentInputSchema, { kind: 'testReport', number: 'TR-1', issuer: 'Lab', issuedOn: '2026-11-01', sha256: 'ABC' })).to.throw(/sha256: must be 64 lowercase hex/);
  });
});

describe('custody event schema', () => {
  const base = { eventId: 'ev-1', lotId: '01/09521234543213/10/NZ-2026-11', eventTime: '2026-11-29T08:30:00+08:00', location: { gln: '0614141000036' } };

  it('requires a receiver and quantity to ship', () => {
    expect(() => parseOrThrow(CustodyEventInputSchema, { ...base, action: 'ship' })).to.throw(/to: .*quantity: /s);
  });

  it('requires the quantity to accept a receipt and a reason to refuse one', () => {
    expect(() => parseOrThrow(CustodyEventInputSchema, { ...base, action: 'receive', decision: 'accept' })).to.throw(/decision: accept needs the quantity received/);
    expect(() => parseOrThrow(CustodyEventInputSchema, { ...base, action: 'receive', decision: 'refuse' })).to.throw(/refuse needs a reason/);
    expect(parseOrThrow(CustodyEventInputSchema, { ...base, action: 'receive', decision: 'refuse', reason: 'thawed' }).action).to.equal('receive');
  });

  it('refuses a lot id whose GTIN check digit is wrong, and an unknown action', () => {
    expect(() => parseOrThrow(CustodyEventInputSchema, { ...base, action: 'store', lotId: '01/09521234543214/10/X' })).to.throw(/lotId: GTIN 09521234543214 has check digit 4, but the check digit of 0952123454321 is 3/);
    expect(() => parseOrThrow(CustodyEventInputSchema, { ...base, action: 'teleport' })).to.throw(/INVALID: action/);
  });

  it('refuses a writer claiming partner confirmation, which only the ledger gives', () => {
    expect(() => parseOrThrow(CustodyEventInputSchema, { ...base, action: 'store', assurance: 'partnerConfirmed' })).to.throw(/assurance: /);
  });
});

describe('event locations', () => {
  it('need a GLN or an address with a 6-digit region code, and coordinates in pairs', () => {
    expect(() => parseOrThrow(EventLocationSchema, { address: 'Pier 3, Beilun' })).to.throw(/needs a gln, or an address with a region code/);
    expect(() => parseOrThrow(EventLocationSchema, { gln: '0614141000037' })).to.throw(/gln: GLN 0614141000037 has check digit 7, but the check digit of 061414100003 is 6/);
    expect(() => parseOrThrow(EventLocationSchema, { gln: '0614141000036', latitude: 30 })).to.throw(/latitude and longitude go together/);
  });

  it('measures Ningbo port to Hangzhou at about 155 km, and tells places apart only when comparable', () => {
    const ningbo = { gln: '0614141000036', latitude: 29.94, longitude: 121.85 };
    const hangzhou = { address: 'Xiaoshan cold store', region: '330109', latitude: 30.18, longitude: 120.26 };
    expect(Math.round(distanceKm(ningbo, hangzhou) ?? 0)).to.equal(155);
    expect(isSamePlace(ningbo, hangzhou)).to.equal(false);
    expect(isSamePlace({ gln: '0614141000036' }, { address: 'x', region: '330100' })).to.equal(undefined);
  });
});

describe('excursion episodes', () => {
  const frozen = ProductCategories.frozen.range;
  const at = (minute: number, tenthsC: number): { time: string; tenthsC: number } => ({ time: new Date(Date.UTC(2026, 10, 29, 0, minute)).toISOString(), tenthsC });

  it('finds one episode from the first reading outside to the first back inside, with its extremes', () => {
    const readings = [at(0, -190), at(10, -170), at(20, -150), at(40, -160), at(50, -185), at(60, -190)];
    expect(excursionEpisodes(readings, frozen, 30 * 60_000)).to.deep.equal([
      { start: at(10, 0).time, end: at(50, 0).time, minTenthsC: -170, maxTenthsC: -150 },
    ]);
  });

  it('ignores an episode shorter than the tolerance, and keeps one still open when the readings end', () => {
    const readings = [at(0, -170), at(5, -190), at(10, -100), at(50, -120)];
    expect(excursionEpisodes(readings, frozen, 30 * 60_000)).to.deep.equal([{ start: at(10, 0).time, end: at(50, 0).time, minTenthsC: -120, maxTenthsC: -100 }]);
  });

  it('judges a reported episode against a lot: outside its range and at least its tolerance long', () => {
    const episode = { start: at(0, 0).time, end: at(20, 0).time, minTenthsC: 45, maxTenthsC: 60 };
    expect(isExcursionFor(ProductCategories.chilledMeat.range, 15 * 60_000, episode)).to.equal(true);
    expect(isExcursionFor(ProductCategories.chilled.range, 15 * 60_000, episode)).to.equal(false);
    expect(isExcursionFor(ProductCategories.chilledMeat.range, 30 * 60_000, episode)).to.equal(false);
  });
});

describe('reading anchor schema', () => {
  const anchor = {
    loggerId: 'urn:epc:id:giai:4000001.111',
    windowStart: '2026-11-29T00:00:00Z',
    windowEnd: '2026-11-29T01:00:00Z',
    merkleRoot: 'a'.repeat(64),
    count: 60,
    minTenthsC: -200,
    maxTenthsC: -150,
    deviceSignedCount: 60,
  };

  it('refuses more device-signed readings than readings, and an excursion ending outside the window', () => {
    expect(() => parseOrThrow(ReadingAnchorInputSchema, { ...anchor, deviceSignedCount: 61 })).to.throw(/deviceSignedCount: must not exceed count/);
    expect(() =>
      parseOrThrow(ReadingAnchorInputSchema, { ...anchor, excursions: [{ start: '2026-11-29T00:50:00Z', end: '2026-11-29T01:10:00Z', minTenthsC: -150, maxTenthsC: -150 }] }),
    ).to.throw(/excursions: every excursion must end inside the window/);
    const continued = { start: '2026-11-28T23:50:00Z', end: '2026-11-29T00:20:00Z', minTenthsC: -150, maxTenthsC: -150 };
    expect(parseOrThrow(ReadingAnchorInputSchema, { ...anchor, excursions: [continued] }).excursions).to.deep.equal([continued]);
  });
});
