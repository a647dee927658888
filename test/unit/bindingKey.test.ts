import { expect } from 'chai';
import { bindingKeyRefusal, describeBoundIdentity, keyStateOf, newBindingKey, type BindingKey } from '../../model/src';
import { KEY_A, KEY_B } from './keyFixtures';

const who = { mspId: 'SupplyOrgMSP', enrollmentId: 'clerk1' };

/** The submitter's fingerprint, counting how often it was asked for. */
function presenting(fingerprint: string): { asked: () => number; fingerprint: () => string } {
  let asked = 0;
  return { asked: () => asked, fingerprint: () => (asked++, fingerprint) };
}

describe('binding keys', () => {
  it('pins a new binding to the key it names, or leaves it awaiting its holder', () => {
    expect(newBindingKey(KEY_A, '2026-12-02T08:00:00.000Z')).to.deep.equal({ keyState: 'pinned', keyFingerprint: KEY_A, keyPinnedAt: '2026-12-02T08:00:00.000Z' });
    expect(newBindingKey(undefined, '2026-12-02T08:00:00.000Z')).to.deep.equal({ keyState: 'awaitingKey' });
  });

  it('lets only the pinned key act', () => {
    const binding: BindingKey = { ...who, ...newBindingKey(KEY_A, 't') };
    expect(bindingKeyRefusal({ ...who, ...binding }, () => KEY_A)).to.equal(undefined);
    expect(bindingKeyRefusal({ ...who, ...binding }, () => KEY_B)).to.equal(
      `the certificate (key ${KEY_B}) is not the one bound for enrollment id clerk1@SupplyOrgMSP (key ${KEY_A}); only the platform admin can bind another key, by re-keying`,
    );
  });

  it('refuses every key while a binding awaits its holder, and for good once retired', () => {
    const submitter = presenting(KEY_A);
    expect(bindingKeyRefusal({ ...who, keyState: 'awaitingKey' }, submitter.fingerprint)).to.equal(
      'identity clerk1@SupplyOrgMSP has no confirmed key yet: its holder must first submit registry:confirmIdentityKey signed with its certificate',
    );
    const retired: BindingKey = { keyState: 'retired', keyFingerprint: KEY_A, retiredAt: '2026-12-02T08:00:00.000Z', successorEnrollmentId: 'clerk1-2' };
    expect(bindingKeyRefusal({ ...who, ...retired }, submitter.fingerprint)).to.equal(
      'identity clerk1@SupplyOrgMSP was retired at 2026-12-02T08:00:00.000Z and re-keyed to clerk1-2; it may not act',
    );
    expect(submitter.asked(), 'the pinned key of a retired binding still counts').to.equal(0);
  });

  it('honours a legacy binding (written before keys were pinned) for any certificate, without reading it', () => {
    const submitter = presenting(KEY_B);
    expect(bindingKeyRefusal({ ...who }, submitter.fingerprint)).to.equal(undefined);
    expect(submitter.asked()).to.equal(0);
    expect(keyStateOf({})).to.equal('legacy');
  });

  it('refuses a pinned binding that names no key, and a key state it does not know', () => {
    expect(bindingKeyRefusal({ ...who, keyState: 'pinned' }, () => KEY_A)).to.match(/^the certificate \(key [0-9a-f]{64}\) is not the one bound .* \(key \(none\)\)/);
    const unknown = { ...who, keyState: 'suspended' } as unknown as BindingKey & typeof who;
    expect(bindingKeyRefusal(unknown, () => KEY_A)).to.equal('identity clerk1@SupplyOrgMSP has key state suspended, which this chaincode does not know');
  });

  it('says when an enterprise binding is retired', () => {
    const binding = { kind: 'enterprise' as const, enterpriseId: '91330100MA27Y0C108', mspId: 'SupplyOrgMSP' as const, enrollmentId: 'clerk1' };
    expect(describeBoundIdentity(binding)).to.equal('enterprise 91330100MA27Y0C108');
    expect(describeBoundIdentity({ ...binding, keyState: 'retired' })).to.equal('enterprise 91330100MA27Y0C108 (retired)');
  });
});
