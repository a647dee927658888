import { expect } from 'chai';
import {
  asSeenBy,
  cityRegionOf,
  dayOf,
  lotParties,
  LotAudiences,
  partyOrPublic,
  publicAlert,
  publicCustodyRecord,
  publicLineageLink,
  publicLot,
  publicTraceEvent,
  type ColdChainLot,
  type CustodyRecord,
  type LineageLink,
  type RiskAlert,
  type TraceEvent,
} from '../../model/src';

const lot = {
  id: '01/09521234543213/10/LOT42', gtin: '09521234543213', lotNumber: 'LOT42', product: 'Frozen lamb shoulder', category: 'frozen', lotType: 'imported',
  originCountry: 'NZ', producer: 'Alliance ME 41', unit: 'kg', productionDate: '2026-10-01', expiryDate: '2027-03-31', storageRange: { minC: -25, maxC: -18 },
  excursionToleranceMinutes: 30, customsDeclarationNumber: '310420261000012345', ownerId: 'importer', custodianId: 'store', status: 'inTransit',
  initialQuantity: 1000, quantityOnHand: 0, quantitySold: 0, quantityLost: 0, quantityToChildren: 0,
  shipment: { eventId: 'ship-1', from: 'store', to: 'retailer', quantity: 1000, eventTime: '2026-11-29T08:30:00+08:00' },
  documents: { customsDeclaration: [{ number: 'X1', sha256: 'ab' }] }, missingDocuments: [], documentStatus: 'complete',
  hold: { state: 'recalled', reason: 'Listeria in sampling', setBy: 'regulator:insp-1', setAt: '2026-11-30T02:00:00.000Z', txId: 'tx9' },
  lastSighting: { eventId: 'ship-1', eventTime: '2026-11-29T08:30:00+08:00', location: { address: '8 Hongda Rd', region: '330109' }, enterpriseId: 'store' },
  parents: [], assurance: 'typed', eventCount: 3, eventIdDigests: ['a'], createdAt: '2026-11-28T01:00:00.000Z', createdTxId: 'tx1', updatedAt: '2026-11-29T00:30:00.000Z', updatedTxId: 'tx3',
} as unknown as ColdChainLot;

const shipped: CustodyRecord = {
  action: 'ship', eventId: 'ship-1', lotId: lot.id, eventTime: '2026-11-29T23:30:00+08:00', location: { address: 'Xiaoshan cold store, 8 Hongda Rd', region: '330109', latitude: 30.18, longitude: 120.26 },
  to: 'retailer', quantity: 1000, enterpriseId: 'store', assurance: 'typed', sequence: 2, recordedAt: '2026-11-29T15:31:00.000Z', txId: 'tx3',
};

describe('audiences', () => {
  describe('helpers', () => {
    it('keeps the day of a time as written at the site, and the city of a region code', () => {
      expect(dayOf('2026-11-29T23:30:00+08:00')).to.equal('2026-11-29');
      expect(dayOf('2026-11-29T15:30:00.000Z')).to.equal('2026-11-29');
      expect(cityRegionOf('330109')).to.equal('330100');
      expect(cityRegionOf('110105')).to.equal('110100');
    });

    it('makes an enterprise a party only when the record names it', () => {
      expect(partyOrPublic('store', ['importer', 'store'])).to.equal('party');
      expect(partyOrPublic('rival', ['importer', 'store'])).to.equal('public');
      expect(partyOrPublic(undefined, ['importer'])).to.equal('public');
    });
  });

  describe('the cold chain\'s declaration', () => {
    it('shows the public a lot\'s identity, origin, expiry, enterprises and hold, without quantities, documents, customs, loggers or exact times', () => {
      const seen = publicLot(lot);
      expect(Object.keys(seen).sort()).to.deep.equal(
        ['assurance', 'category', 'createdDay', 'custodianId', 'documentStatus', 'expiryDate', 'gtin', 'hold', 'id', 'lotNumber', 'lotType', 'originCountry', 'ownerId', 'parents', 'producer', 'product', 'productionDate', 'status', 'storageRange'],
      );
      expect(seen.hold).to.deep.equal({ state: 'recalled', reason: 'Listeria in sampling', day: '2026-11-30' });
      expect(seen.createdDay).to.equal('2026-11-28');
    });

    it('shows the public who did what on which day in which city, and nothing of quantity, receiver, address or time', () => {
      expect(publicCustodyRecord(shipped)).to.deep.equal({ action: 'ship', lotId: lot.id, sequence: 2, enterpriseId: 'store', day: '2026-11-29', place: { cityRegion: '330100' }, assurance: 'typed' });
      const atGln = publicCustodyRecord({ ...shipped, location: { gln: '0614141000036' } });
      expect(atGln).to.not.have.property('place');
    });

    it('shows the public an alert\'s kind and day, and a lineage link\'s kind and day', () => {
      const alert = { lotId: lot.id, alertId: 'excursion:2026-11-29T01:00:00.000Z', kind: 'excursion', detail: '-12 °C for 40 min', status: 'open', raisedAt: '2026-11-29T02:00:00.000Z', txId: 'tx4', evidence: { maxC: -12 } } as RiskAlert;
      expect(publicAlert(alert)).to.deep.equal({ lotId: lot.id, kind: 'excursion', status: 'open', day: '2026-11-29' });
      const link = { parentId: 'p', childId: 'c', kind: 'split', quantity: 600, eventId: 'split-1', eventTime: '2026-11-28T10:00:00+08:00', txId: 'tx2' } as LineageLink;
      expect(publicLineageLink(link)).to.deep.equal({ parentId: 'p', childId: 'c', kind: 'split', day: '2026-11-28' });
    });

    it('gives parties and regulators the record whole', () => {
      for (const audience of ['party', 'regulator'] as const) {
        expect(asSeenBy(LotAudiences.lot, audience, lot)).to.equal(lot);
        expect(asSeenBy(LotAudiences.custody, audience, shipped)).to.equal(shipped);
      }
      expect(asSeenBy(LotAudiences.lot, 'public', lot)).to.deep.equal(publicLot(lot));
      expect(asSeenBy(LotAudiences.lotVersion, 'public', { txId: 'tx1', timestamp: '2026-11-28T01:00:00.000Z', lot })).to.deep.equal({ day: '2026-11-28', lot: publicLot(lot) });
    });

    it('names as parties the owner, the custodian, both ends of a shipment and everyone in the custody log', () => {
      expect([...lotParties(lot, [shipped, { enterpriseId: 'carrier' }])].sort()).to.deep.equal(['carrier', 'importer', 'retailer', 'store']);
      expect([...lotParties({ ownerId: 'a', custodianId: 'a' })]).to.deep.equal(['a']);
    });
  });

  describe('trace events', () => {
    it('shows the public who did what to which subject on which day, not the time or the details', () => {
      const event: TraceEvent = { eventId: 'ev-1', subjectId: '00/395212345000000019', bizStep: 'shipping', eventTime: '2026-11-29T08:30:00+08:00', details: { carrier: 'X', quantity: 3 }, enterpriseId: 'firm', recordedAt: '2026-11-29T00:31:00.000Z', txId: 'tx1' };
      expect(publicTraceEvent(event)).to.deep.equal({ eventId: 'ev-1', subjectId: '00/395212345000000019', bizStep: 'shipping', enterpriseId: 'firm', day: '2026-11-29' });
    });
  });
});
