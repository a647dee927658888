import { expect } from 'chai';
import {
  EnterpriseRegistrationSchema,
  LedgerError,
  organisationOf,
  parseLedgerError,
  parseOrThrow,
  TraceEventInputSchema,
} from '../../model/src';

const registration = {
  id: '91330100MA27Y0C108',
  name: 'Demo Cold Storage',
  kinds: ['coldStore'],
  region: '330100',
};

describe('enterprise registration schema', () => {
  it('accepts a complete registration and defaults licences to none', () => {
    expect(parseOrThrow(EnterpriseRegistrationSchema, registration).licences).to.deep.equal([]);
  });

  it('names every bad field in one INVALID error', () => {
    try {
      parseOrThrow(EnterpriseRegistrationSchema, { ...registration, id: '91330100MA27Y0C109', region: '33', kinds: [] });
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).to.be.instanceOf(LedgerError);
      const message = (error as LedgerError).message;
      expect(message).to.match(/^INVALID: /);
      expect(message).to.include('id: credit code 91330100MA27Y0C109 has check character 9, but the check character of 91330100MA27Y0C10 is 8');
      expect(message).to.include('region: must be a 6-digit administrative region code');
      expect(message).to.include('kinds:');
    }
  });

  it('refuses unknown fields instead of silently storing them', () => {
    expect(() => parseOrThrow(EnterpriseRegistrationSchema, { ...registration, owner: 'x' })).to.throw(/INVALID/);
  });

  it('places an enterprise in the one organisation its kinds belong to', () => {
    expect(organisationOf(['coldStore', 'importer'])).to.equal('SupplyOrgMSP');
    expect(organisationOf(['maintenanceFirm'])).to.equal('EquipmentOrgMSP');
    expect(organisationOf(['coldStore', 'maintenanceFirm'])).to.equal(undefined);
  });
});

describe('trace event schema', () => {
  const event = { eventId: 'ev-1', subjectId: '00/395212345000000019', bizStep: 'shipping', eventTime: '2026-11-29T08:30:00+08:00' };

  it('requires an event time with a UTC offset', () => {
    expect(() => parseOrThrow(TraceEventInputSchema, { ...event, eventTime: '2026-11-29T08:30:00' })).to.throw(/eventTime: must be ISO 8601 with a UTC offset/);
    expect(parseOrThrow(TraceEventInputSchema, event).eventTime).to.equal(event.eventTime);
  });

  it('rejects impossible dates that match the pattern', () => {
    expect(() => parseOrThrow(TraceEventInputSchema, { ...event, eventTime: '2026-13-45T99:00:00Z' })).to.throw(/eventTime/);
  });
});

describe('ledger error messages', () => {
  it('finds the chaincode refusal inside the peer text around it', () => {
    const peerText = 'chaincode response 500, FORBIDDEN: identity x@SupplyOrgMSP is not bound to any registered enterprise';
    expect(parseLedgerError(peerText)).to.deep.equal({ kind: 'FORBIDDEN', detail: 'identity x@SupplyOrgMSP is not bound to any registered enterprise' });
    expect(parseLedgerError('rpc error: code = Unavailable')).to.equal(undefined);
  });
});
