import { expect } from 'chai';
import { describeBoundIdentity, RegulatorRegistrationSchema } from '../../model/src';

describe('regulator registrations', () => {
  it('takes a RegulatorOrg identity, its unit and the regions it covers (none by default)', () => {
    expect(RegulatorRegistrationSchema.parse({ mspId: 'RegulatorOrgMSP', enrollmentId: 'amr-hz-1', unit: ' 杭州市市场监督管理局 ' })).to.deep.equal({
      mspId: 'RegulatorOrgMSP',
      enrollmentId: 'amr-hz-1',
      unit: '杭州市市场监督管理局',
      regions: [],
    });
  });

  it('refuses identities of other organisations, bad region codes and unknown fields', () => {
    const result = RegulatorRegistrationSchema.safeParse({ mspId: 'SupplyOrgMSP', enrollmentId: 'amr hz', unit: '', regions: ['3301'], extra: true });
    expect(result.success).to.equal(false);
    const fields = (result.error?.issues ?? []).map((issue) => issue.path.join('.') || issue.code);
    expect(fields).to.include.members(['mspId', 'enrollmentId', 'unit', 'regions.0', 'unrecognized_keys']);
  });

  it('names what an identity is bound to', () => {
    expect(describeBoundIdentity({ kind: 'enterprise', enterpriseId: '91330100MA27Y0C108', mspId: 'SupplyOrgMSP', enrollmentId: 'clerk1' })).to.equal('enterprise 91330100MA27Y0C108');
    expect(
      describeBoundIdentity({ kind: 'regulator', mspId: 'RegulatorOrgMSP', enrollmentId: 'amr-1', unit: 'Hangzhou AMR', regions: [], status: 'revoked', registeredAt: 't', registeredBy: 'admin' }),
    ).to.equal('regulator unit Hangzhou AMR (revoked)');
  });
});
