import { usccCheckCharacter } from '../../model/src';
import type { EnrolledIdentity } from '../../network/src/ca';
import { platformAdmin } from '../../network/src/identities';
import type { NetworkLayout } from '../../network/src/layout';
import { withContract } from '../../network/src/ledgerClient';
import { ledgerRefusalOf } from '../../gateway/src/fabric';

/** The brand whose GTIN (09521234543213) every benchmark lot carries, and its GS1 company prefix. */
export const BENCH_BRAND = { first17: '91330100BENCH0003', name: 'Benchmark Brand Owner', kinds: ['producer'], enrollmentId: 'bench-brand', prefix: '9521234' };
export const BENCH_BRAND_ID = BENCH_BRAND.first17 + usccCheckCharacter(BENCH_BRAND.first17);

/**
 * Lets a bench producer make lots under the bench brand: the brand owner holds the prefix (assigned
 * once per bench network) and delegates it, as a contract packer's brand owner would. `brand` is the
 * brand owner's own identity.
 */
export async function delegateBenchBrand(layout: NetworkLayout, brand: EnrolledIdentity, producerId: string): Promise<void> {
  await withContract(layout, await platformAdmin(layout), async (contract) => {
    try {
      await contract.submitTransaction('brands:assignPrefix', JSON.stringify({ kind: 'gtin', prefix: BENCH_BRAND.prefix, enterpriseId: BENCH_BRAND_ID }));
    } catch (error) {
      if (ledgerRefusalOf(error)?.kind !== 'CONFLICT') throw error;
    }
  });
  if (producerId === BENCH_BRAND_ID) return;
  await withContract(layout, brand, (contract) =>
    contract.submitTransaction('brands:delegatePrefix', JSON.stringify({ kind: 'gtin', prefix: BENCH_BRAND.prefix, delegateId: producerId, purpose: 'benchmark lots of the bench brand' })),
  );
}
