import { expect } from 'chai';
import { common } from '@hyperledger/fabric-protos';
import { ledgerHeight, readBlock } from '../../gateway/src/fabric';
import type { GatewayServices } from '../../gateway/src/services';
import { lotIdOf, serialOf, type RiskClue } from '../../model/src';
import { lotRegistration, uniqueSerialPrefix } from './coldchainFixtures';
import { requireNetwork, uniqueId } from './testNetwork';
import { api, eventually, onboardEnterprise, testAdminToken } from './gatewayClient';
import { startInProcessGateway, type InProcessGateway } from './inProcessGateway';

/**
 * Client networks as the offline IP database places them (ip2region, shipped with the npm package):
 * two fixed-line networks in each of four provinces, and China Mobile networks, whose addresses follow
 * the SIM's home province and are only claims.
 */
const Networks = {
  zhejiang: ['115.236.1.1', '60.191.1.1'],
  beijing: ['202.106.0.20', '123.125.1.1'],
  guangdong: ['202.96.134.133', '14.17.1.1'],
  sichuan: ['61.139.2.69', '118.112.1.1'],
  mobileZhejiang: ['111.0.1.1', '112.17.1.1'],
  mobileGuangdong: ['117.136.12.1', '223.104.1.1'],
};

describe('scan counting and clone detection', function () {
  this.timeout(120_000);
  let gateway: InProcessGateway;
  let services: GatewayServices;
  let base: string;
  const prefix = uniqueSerialPrefix();
  let next = 1;
  /** A serial commissioned for this suite that no test used before. */
  const commissioned = (): string => serialOf(prefix, next++);

  before(async () => {
    requireNetwork();
    // A gateway behind a (pretend) reverse proxy, so each request can come from its own client network.
    gateway = await startInProcessGateway((config) => {
      config.trustProxy = true;
    });
    ({ services, base } = gateway);
    const importer = await onboardEnterprise('custodial', ['importer']);
    const registration = lotRegistration();
    const post = (route: string, body: unknown) => api(route, { token: importer.token, idempotencyKey: uniqueId('k'), body });
    expect((await post('/coldchain/lots', registration)).status).to.equal(201);
    const lotPath = `/coldchain/lots/${encodeURIComponent(lotIdOf(registration.gtin as string, registration.lotNumber as string))}`;
    expect((await post(`${lotPath}/units`, { serialPrefix: prefix, from: 1, count: 50 })).status).to.equal(201);
    // Reads the store, not the resolver: every resolve would be a scan.
    await eventually('the units in the projection', async () => (await services.projector.models.unitRuns.findById(`09521234543213|${prefix}|0`).lean()) ?? undefined, 20_000);
  });
  after(async () => {
    await gateway?.close();
  });

  const scan = (serial: string, client: string, region?: string) =>
    fetch(`${base}/01/09521234543213/21/${serial}${region ? `?r=${region}` : ''}`, { headers: { 'x-forwarded-for': client, accept: 'application/json' } });
  const scanAll = async (serial: string, clients: readonly string[]): Promise<void> => {
    for (const client of clients) await scan(serial, client);
  };

  const subjectOf = (serial: string): string => `01/09521234543213/21/${serial}`;

  const cluesOf = async (serial: string): Promise<{ clueId: string; subjectId: string; source: string; anomaly?: { regions: Record<string, number> } }[]> => {
    const regulator = await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId: uniqueId('reg') } });
    return (await api<{ clueId: string; subjectId: string; source: string }[]>(`/clues?subjectId=${encodeURIComponent(subjectOf(serial))}`, { token: regulator.body.token })).body;
  };

  /** The risk clues committed in valid transactions from block `from` on, read from the blocks themselves. */
  const cluesOnLedger = async (from: number): Promise<RiskClue[]> => {
    const qscc = services.reader.getNetwork(services.ledger.channel).getContract('qscc');
    const clues: RiskClue[] = [];
    for (let number = from; number < (await ledgerHeight(services.reader, services.ledger.channel)); number++) {
      const block = common.Block.deserializeBinary(await qscc.evaluateTransaction('GetBlockByNumber', services.ledger.channel, String(number)));
      for (const tx of readBlock(block)) {
        if (tx.validationCode === 0 && tx.event?.name === 'RiskClueFiled') clues.push(JSON.parse(Buffer.from(tx.event.payload).toString('utf8')) as RiskClue);
      }
    }
    return clues;
  };

  /** Clue filing runs after the flush; a clue that would come arrives within this. */
  const settle = async (): Promise<void> => {
    await services.scans.flush();
    await new Promise((resolve) => setTimeout(resolve, 3000));
  };

  it('stores anonymised scans of unknown codes apart, keeps region hints as claims, and files nothing for them', async () => {
    const serial = uniqueId('SN').slice(-12);
    for (const region of ['330106', '110101', '440103', '510104']) {
      const response = await scan(serial, '203.0.113.7', region);
      expect(response.status).to.equal(404);
    }
    await scanAll(serial, [...Networks.zhejiang, ...Networks.beijing]);
    await settle();
    const tallies = await services.store.collection('primary_scan_tallies').find({}).toArray();
    const stored = tallies.flatMap((tally) => (tally.counts as { subjectId: string; count: number; unknown?: boolean; claimedRegion?: string; province?: string }[]).filter((c) => c.subjectId === subjectOf(serial)));
    expect(stored.reduce((sum, c) => sum + c.count, 0)).to.equal(8);
    expect(stored.every((c) => c.unknown === true)).to.equal(true);
    expect(stored.filter((c) => c.claimedRegion).map((c) => c.claimedRegion)).to.have.members(['330106', '110101', '440103', '510104']);
    expect(stored.filter((c) => c.province).map((c) => c.province)).to.have.members(['33', '33', '11', '11']);
    expect(JSON.stringify(tallies)).not.to.include('203.0.113').and.not.to.include('115.236.1');
    expect(await cluesOf(serial)).to.deep.equal([]);
  });

  it('files one risk clue when fixed networks the server places in two provinces scan a commissioned code within an hour', async () => {
    const serial = commissioned();
    await scanAll(serial, [...Networks.zhejiang, Networks.beijing[0]]);
    await services.scans.flush();
    await scanAll(serial, [Networks.beijing[1]]);
    await services.scans.flush();
    const clues = await eventually('the scan clue in the projection', async () => {
      const found = await cluesOf(serial);
      return found.length > 0 ? found : undefined;
    }, 20_000);
    expect(clues).to.have.length(1);
    expect(clues[0].source).to.equal('scanMonitor');
    expect(clues[0].anomaly?.regions).to.deep.equal({ '33': 2, '11': 2 });
  });

  it('files nothing on claims alone: region hints of one network, and mobile networks that follow the SIM', async () => {
    const hinted = commissioned();
    for (const region of ['330106', '110101']) {
      for (const client of ['203.0.113.7', '203.0.113.8']) await scan(hinted, client, region);
    }
    const travelling = commissioned();
    await scanAll(travelling, [...Networks.mobileZhejiang, ...Networks.mobileGuangdong]);
    await settle();
    expect(await cluesOf(hinted)).to.deep.equal([]);
    expect(await cluesOf(travelling)).to.deep.equal([]);
  });

  it('keeps the clues of two codes flagged in the same hour apart, on the ledger and in the clue list of each code', async () => {
    const firstBlock = await ledgerHeight(services.reader, services.ledger.channel);
    const [first, second] = [commissioned(), commissioned()];
    await Promise.all([scanAll(first, [...Networks.zhejiang, ...Networks.beijing]), scanAll(second, [...Networks.guangdong, ...Networks.sichuan])]);
    await services.scans.flush();

    const onLedger = await eventually('both clues on the ledger', async () => {
      const found = (await cluesOnLedger(firstBlock)).filter((clue) => [subjectOf(first), subjectOf(second)].includes(clue.subjectId));
      return found.length === 2 ? found : undefined;
    }, 20_000);
    expect(onLedger.map((clue) => clue.subjectId)).to.have.members([subjectOf(first), subjectOf(second)]);
    // The same hour gives both the same clue id: only the subject tells them apart.
    expect(onLedger[0].clueId).to.equal(onLedger[1].clueId).and.to.match(/^scan:/);

    for (const [serial, regions] of [[first, { '33': 2, '11': 2 }], [second, { '44': 2, '51': 2 }]] as const) {
      const clues = await eventually(`the scan clue of ${serial} in the projection`, async () => {
        const found = await cluesOf(serial);
        return found.length > 0 ? found : undefined;
      }, 20_000);
      expect(clues).to.have.length(1);
      expect(clues[0]).to.include({ subjectId: subjectOf(serial), clueId: onLedger[0].clueId, source: 'scanMonitor' });
      expect(clues[0].anomaly?.regions).to.deep.equal(regions);
    }
  });
});
