import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadOrCreateSigningKeys, revocationRefusal, TokenDenyList, TokenService, type Principal, type VerifiedToken } from '../../gateway/src/auth';
import type { TokenRevocation, TokenRevocationRecords } from '../../gateway/src/store/tokenRevocations';
import { httpRefusalOf } from './httpRefusal';

const FIRM = '91330100MA27Y0C108';
const firmPrincipal: Principal = { sub: FIRM, role: 'enterprise', msp: 'SupplyOrgMSP', enr: 'ent-firm', ent: FIRM };
const T = Date.UTC(2026, 10, 30, 8, 0, 0, 400);

const tokenAt = (issuedAtMs: number, jti = 'jti-1', principal = firmPrincipal): VerifiedToken => ({
  principal,
  jti,
  issuedAt: Math.floor(issuedAtMs / 1000),
  expiresAt: Math.floor(issuedAtMs / 1000) + 3600,
});

const principalRevocation = (id: string, notBefore: number): TokenRevocation => ({
  _id: id,
  notBefore: new Date(notBefore),
  expiresAt: new Date(notBefore + 8 * 3_600_000),
  revokedAt: new Date(notBefore),
  revokedBy: 'admin.regulator',
});

/** The store, in memory; counts lookups. */
class MemoryRecords implements TokenRevocationRecords {
  readonly byId = new Map<string, TokenRevocation>();
  lookups = 0;
  async find(ids: readonly string[]): Promise<TokenRevocation[]> {
    this.lookups += 1;
    return ids.flatMap((id) => (this.byId.has(id) ? [this.byId.get(id) as TokenRevocation] : []));
  }
  async save(revocation: TokenRevocation): Promise<void> {
    this.byId.set(revocation._id, revocation);
  }
  async prune(now: Date): Promise<void> {
    for (const [id, revocation] of this.byId) if (revocation.expiresAt < now) this.byId.delete(id);
  }
}

const refusalOf = httpRefusalOf;

describe('token revocation', () => {
  it('verifies a token into its principal, id and times', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-times-'));
    try {
      const tokens = new TokenService(await loadOrCreateSigningKeys(dir));
      const before = Math.floor(Date.now() / 1000);
      const verified = await tokens.verifyToken(await tokens.issue(firmPrincipal, '15m'));
      expect(verified.principal).to.deep.equal(firmPrincipal);
      expect(verified.jti).to.match(/^[0-9a-f-]{36}$/);
      expect(verified.issuedAt).to.be.within(before, before + 1);
      expect(verified.expiresAt - verified.issuedAt).to.equal(900);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('what a revocation refuses', () => {
    it('refuses the one token a jti revocation names, with its reason', () => {
      const revocation: TokenRevocation = { _id: 'jti:jti-1', expiresAt: new Date(T + 1), revokedAt: new Date(T), revokedBy: 'admin', reason: 'laptop stolen' };
      expect(revocationRefusal(tokenAt(T - 60_000), [revocation])).to.equal('the token was revoked (laptop stolen)');
      expect(revocationRefusal(tokenAt(T - 60_000, 'jti-2'), [revocation])).to.equal(undefined);
    });

    it('refuses tokens of a principal issued before its revocation, and those of the same second, but not later ones', () => {
      const revocation = principalRevocation(`enterprise:${FIRM}`, T);
      expect(revocationRefusal(tokenAt(T - 60_000), [revocation])).to.equal(`tokens of enterprise ${FIRM} issued before ${new Date(T).toISOString()} were revoked`);
      expect(revocationRefusal(tokenAt(T + 300), [revocation]), 'issued in the same second, maybe before').to.be.a('string');
      expect(revocationRefusal(tokenAt(T + 600), [revocation]), 'the next second').to.equal(undefined);
    });

    it('refuses by enrollment id, and ignores revocations of other principals', () => {
      expect(revocationRefusal(tokenAt(T - 1000), [principalRevocation('enrollment:ent-firm', T)])).to.match(/^tokens of enrollment id ent-firm issued before/);
      expect(revocationRefusal(tokenAt(T - 1000), [principalRevocation('enterprise:91330100MA27Y0C11B', T), principalRevocation('enrollment:ent-other', T)])).to.equal(undefined);
    });
  });

  describe('the deny list', () => {
    const log = pino({ level: 'silent' });
    let now: number;
    let records: MemoryRecords;
    let denyList: TokenDenyList;

    beforeEach(() => {
      now = T;
      records = new MemoryRecords();
      denyList = new TokenDenyList(records, log, () => now);
    });
    afterEach(() => denyList.stop());

    it('refuses a revoked token with 401 at once and keeps the record as long as a token can live', async () => {
      await denyList.check(tokenAt(T - 1000));
      const revocation = await denyList.revoke({ jti: 'jti-1' }, 'admin.regulator', 'laptop stolen');
      expect(revocation.expiresAt.getTime() - T).to.equal(8 * 3_600_000);
      expect(records.byId.has('jti:jti-1')).to.equal(true);
      const refusal = await refusalOf(denyList.check(tokenAt(T - 1000)));
      expect(refusal.status).to.equal(401);
      expect(refusal.message).to.equal('the token was revoked (laptop stolen)');
    });

    it('caches lookups briefly, and sees a revocation another gateway stored once the cache runs out', async () => {
      await denyList.check(tokenAt(T - 1000));
      await denyList.check(tokenAt(T - 1000));
      expect(records.lookups).to.equal(1);
      await records.save(principalRevocation(`enterprise:${FIRM}`, T));
      await denyList.check(tokenAt(T - 1000));
      now = T + 5_001;
      expect((await refusalOf(denyList.check(tokenAt(T - 1000)))).status).to.equal(401);
    });

    it('waits until the second after a principal revocation before a new token is issued, so that token works', async () => {
      const realClock = new TokenDenyList(records, log);
      try {
        const revocation = await realClock.revoke({ enterpriseId: FIRM }, 'admin.regulator');
        await realClock.readyToIssue(firmPrincipal);
        const issuedAt = Date.now();
        expect(issuedAt).to.be.at.least(Math.ceil((revocation.notBefore as Date).getTime() / 1000) * 1000);
        await realClock.check(tokenAt(issuedAt, 'jti-new'));
      } finally {
        realClock.stop();
      }
    });
  });
});
