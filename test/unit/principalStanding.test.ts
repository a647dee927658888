import { expect } from 'chai';
import { PrincipalStanding, standingRefusal, type Principal, type Standing, type StandingSubject, type VerifiedToken } from '../../gateway/src/auth';
import { Refusal } from '../../gateway/src/refusal';
import { httpRefusalOf } from './httpRefusal';

const FIRM = '91330100MA27Y0C108';
const verified = (principal: Principal): VerifiedToken => ({ principal, jti: 'j', issuedAt: 0, expiresAt: 1 });
const firmToken = verified({ sub: FIRM, role: 'enterprise', msp: 'SupplyOrgMSP', enr: 'ent-firm', ent: FIRM });
const regulatorToken = verified({ sub: 'reg-1', role: 'regulator', msp: 'RegulatorOrgMSP', enr: 'reg-1' });
const adminToken = verified({ sub: 'admin.regulator', role: 'admin', msp: 'RegulatorOrgMSP', enr: 'admin.regulator' });

const refusalOf = httpRefusalOf;

describe('standing of a token\'s principal on the ledger', () => {
  let now: number;
  let ledger: Map<string, Standing>;
  let asked: string[];
  let reachable: boolean;
  let standing: PrincipalStanding;

  beforeEach(() => {
    now = 1_000_000;
    ledger = new Map([[`enterprise:${FIRM}`, { status: 'active' }], ['regulator:reg-1', { status: 'active' }]]);
    asked = [];
    reachable = true;
    standing = new PrincipalStanding(async (subject: StandingSubject) => {
      asked.push(`${subject.kind}:${subject.id}`);
      if (!reachable) throw new Error('peer unreachable');
      return ledger.get(`${subject.kind}:${subject.id}`) ?? { status: 'unregistered' };
    }, () => now);
  });

  it('refuses (403) tokens of a revoked enterprise or regulator, and of one the ledger does not know', async () => {
    ledger.set(`enterprise:${FIRM}`, { status: 'revoked', revokedAt: '2026-11-30T08:00:00.000Z' });
    ledger.delete('regulator:reg-1');
    const enterprise = await refusalOf(standing.check(firmToken));
    expect(enterprise.status).to.equal(403);
    expect(enterprise.message).to.equal(`enterprise ${FIRM} was revoked on the ledger at 2026-11-30T08:00:00.000Z: its tokens are no longer accepted`);
    expect((await refusalOf(standing.check(regulatorToken))).message).to.equal('regulator identity reg-1 is not registered on the ledger: its tokens are not accepted');
  });

  it('lets active principals through and never asks about admin tokens', async () => {
    await standing.check(firmToken);
    await standing.check(regulatorToken);
    await standing.check(adminToken);
    expect(asked).to.deep.equal([`enterprise:${FIRM}`, 'regulator:reg-1']);
  });

  it('caches a standing for a few seconds; forgetting it makes a revocation count at once', async () => {
    await standing.check(firmToken);
    ledger.set(`enterprise:${FIRM}`, { status: 'revoked' });
    await standing.check(firmToken);
    expect(asked).to.have.length(1);
    standing.forget({ kind: 'enterprise', id: FIRM });
    expect((await refusalOf(standing.check(firmToken))).status).to.equal(403);
    ledger.set(`enterprise:${FIRM}`, { status: 'active' });
    now += 5_001;
    await standing.check(firmToken);
    expect(asked).to.have.length(3);
  });

  it('uses the last standing read while the ledger cannot be reached, and fails without one', async () => {
    await standing.check(firmToken);
    reachable = false;
    now += 60_000;
    await standing.check(firmToken);
    let failure: unknown;
    await standing.check(regulatorToken).catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(Error).and.not.instanceOf(Refusal);
  });

  it('words refusals for each subject', () => {
    expect(standingRefusal({ kind: 'regulator', id: 'reg-1' }, { status: 'revoked', revokedAt: 't' })).to.equal('regulator identity reg-1 was revoked on the ledger at t: its tokens are no longer accepted');
    expect(standingRefusal({ kind: 'enterprise', id: FIRM }, { status: 'active' })).to.equal(undefined);
  });
});
