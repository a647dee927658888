import { expect } from 'chai';
import { honouredRole } from '../../chaincode/src/common/certificateRole';

describe('certificate roles chaincode honours', () => {
  it('honours admin, regulator and intake only in certificates RegulatorOrg vouches for', () => {
    for (const role of ['admin', 'regulator', 'intake']) {
      expect(honouredRole('RegulatorOrgMSP', role)).to.equal(role);
      expect(honouredRole('SupplyOrgMSP', role), `${role} from SupplyOrg`).to.equal(undefined);
      expect(honouredRole('EquipmentOrgMSP', role), `${role} from EquipmentOrg`).to.equal(undefined);
    }
  });

  it('honours the enterprise role from any organisation, as the on-chain binding decides what it may do', () => {
    for (const mspId of ['RegulatorOrgMSP', 'SupplyOrgMSP', 'EquipmentOrgMSP']) {
      expect(honouredRole(mspId, 'enterprise')).to.equal('enterprise');
    }
  });

  it('ignores roles it does not know and certificates without one', () => {
    expect(honouredRole('RegulatorOrgMSP', 'superuser')).to.equal(undefined);
    expect(honouredRole('RegulatorOrgMSP', 'Regulator')).to.equal(undefined);
    expect(honouredRole('RegulatorOrgMSP', undefined)).to.equal(undefined);
  });
});
