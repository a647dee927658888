import { usccCheckCharacter } from '../../model/src';
import type { EnrolledIdentity } from '../../network/src/ca';
import { enrollEnterpriseIdentity, platformAdmin } from '../../network/src/identities';
import type { NetworkLayout } from '../../network/src/layout';
import { withContract } from '../../network/src/ledgerClient';
import { ledgerRefusalOf } from '../../gateway/src/fabric';

/** The cold store whose identity the benchmarks write as (registered once per bench network). */
export async function registerBenchEnterprise(layout: NetworkLayout): Promise<EnrolledIdentity> {
  const first17 = '91330100BENCH0001';
  const id = first17 + usccCheckCharacter(first17);
  const org = layout.orgs.supply;
  const identity = await enrollEnterpriseIdentity(org, 'bench-coldstore', id);
  await withContract(layout, await platformAdmin(layout), async (contract) => {
    try {
      await contract.submitTransaction('registry:registerEnterprise', JSON.stringify({ id, name: 'Benchmark Cold Store', kinds: ['coldStore'], region: '330100' }));
    } catch (error) {
      if (ledgerRefusalOf(error)?.kind !== 'CONFLICT') throw error;
    }
    await contract.submitTransaction('registry:bindIdentity', JSON.stringify({ enterpriseId: id, mspId: org.mspId, enrollmentId: identity.enrollmentId }));
  });
  return identity;
}
