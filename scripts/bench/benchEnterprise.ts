import { usccCheckCharacter } from '../../model/src';
import { keyFingerprintOfIdentity, type EnrolledIdentity } from '../../network/src/ca';
import { enrollEnterpriseIdentity, platformAdmin } from '../../network/src/identities';
import type { NetworkLayout } from '../../network/src/layout';
import { withContract } from '../../network/src/ledgerClient';
import { ledgerRefusalOf } from '../../gateway/src/fabric';
import { BENCH_BRAND, delegateBenchBrand } from './benchBrand';

/** An enterprise the benchmarks write as: its 17-character credit code stem, name, kinds and enrollment id. */
export interface BenchEnterprise {
  first17: string;
  name: string;
  kinds: string[];
  enrollmentId: string;
  /** Administrative region code; Hangzhou when not given. */
  region?: string;
}

export const BENCH_COLD_STORE: BenchEnterprise = { first17: '91330100BENCH0001', name: 'Benchmark Cold Store', kinds: ['coldStore'], enrollmentId: 'bench-coldstore' };
/** A producer that may create domestic lots (and stores them), for the custody batch benchmarks. */
export const BENCH_PRODUCER: BenchEnterprise = { first17: '91330100BENCH0002', name: 'Benchmark Producer', kinds: ['producer', 'coldStore'], enrollmentId: 'bench-producer' };

/**
 * Registers a bench enterprise in SupplyOrg (once per bench network; a repeat is no error) and returns
 * the identity bound to it; the cold store by default.
 */
export async function registerBenchEnterprise(layout: NetworkLayout, enterprise: BenchEnterprise = BENCH_COLD_STORE): Promise<EnrolledIdentity> {
  const id = enterprise.first17 + usccCheckCharacter(enterprise.first17);
  const org = layout.orgs.supply;
  const identity = await enrollEnterpriseIdentity(org, enterprise.enrollmentId, id);
  await withContract(layout, await platformAdmin(layout), async (contract) => {
    try {
      await contract.submitTransaction('registry:registerEnterprise', JSON.stringify({ id, name: enterprise.name, kinds: enterprise.kinds, region: enterprise.region ?? '330100' }));
    } catch (error) {
      if (ledgerRefusalOf(error)?.kind !== 'CONFLICT') throw error;
    }
    try {
      const binding = { enterpriseId: id, mspId: org.mspId, enrollmentId: identity.enrollmentId, keyFingerprint: keyFingerprintOfIdentity(identity) };
      await contract.submitTransaction('registry:bindIdentity', JSON.stringify(binding));
    } catch (error) {
      // Bound by an earlier benchmark or generation on the same network, to this same certificate (enrolled once, kept in its folder).
      if (ledgerRefusalOf(error)?.kind !== 'CONFLICT') throw error;
    }
  });
  // Bench lots carry the bench brand's GTIN: producers make them under its delegated prefix.
  if (enterprise.kinds.includes('producer')) {
    const brand = enterprise.enrollmentId === BENCH_BRAND.enrollmentId ? identity : await registerBenchEnterprise(layout, BENCH_BRAND);
    await delegateBenchBrand(layout, brand, id);
  }
  return identity;
}
