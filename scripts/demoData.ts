import type { EnterpriseRegistration } from '../model/src';
import { ledgerRefusalOf } from '../gateway/src/fabric';
import { enrollEnterpriseIdentity, platformAdmin } from '../network/src/identities';
import type { NetworkLayout, OrgKey } from '../network/src/layout';
import { withContract } from '../network/src/ledgerClient';
import { step } from '../network/src/progress';

interface DemoEnterprise {
  org: OrgKey;
  enrollmentId: string;
  registration: EnterpriseRegistration;
}

/** Demo enterprises, each with its own identity at its org's CA (ids are valid credit codes). */
export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    org: 'supply',
    enrollmentId: 'demo-coldstore',
    registration: {
      id: '91330100MA27Y0C108',
      name: '杭州示范冷链仓储有限公司 (Hangzhou Demo Cold Storage Co.)',
      kinds: ['coldStore', 'importer'],
      region: '330100',
      licences: [{ kind: 'food business licence', number: 'JY13301000000001', validUntil: '2029-12-31' }],
    },
  },
  {
    org: 'equipment',
    enrollmentId: 'demo-maintenance',
    registration: {
      id: '91330200MA2H3E8K07',
      name: '宁波示范电梯维保有限公司 (Ningbo Demo Elevator Maintenance Co.)',
      kinds: ['maintenanceFirm'],
      region: '330200',
      licences: [{ kind: 'special equipment maintenance licence', number: 'TS3433000-2029', validUntil: '2029-06-30' }],
    },
  },
];

/** Registers the demo enterprises and binds their identities; already loaded data is left as it is. */
export async function loadDemoData(layout: NetworkLayout): Promise<void> {
  const admin = await platformAdmin(layout);
  for (const demo of DEMO_ENTERPRISES) {
    const org = layout.orgs[demo.org];
    await enrollEnterpriseIdentity(org, demo.enrollmentId, demo.registration.id);
    await withContract(layout, admin, async (contract) => {
      try {
        await contract.submitTransaction('registry:registerEnterprise', JSON.stringify(demo.registration));
        step('demo', `registered ${demo.registration.name}`);
      } catch (error) {
        if (ledgerRefusalOf(error)?.kind !== 'CONFLICT') throw error;
      }
      await contract.submitTransaction(
        'registry:bindIdentity',
        JSON.stringify({ enterpriseId: demo.registration.id, mspId: org.mspId, enrollmentId: demo.enrollmentId }),
      );
    });
  }
  step('demo', `demo enterprises ready: ${DEMO_ENTERPRISES.map((d) => `${d.enrollmentId}@${layout.orgs[d.org].mspId}`).join(', ')}`);
}
