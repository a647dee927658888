import { expect } from 'chai';
import { common } from '@hyperledger/fabric-protos';
import { ledgerHeight, readBlock } from '../../gateway/src/fabric';
import type { GatewayServices } from '../../gateway/src/services';
import type { RiskClue } from '../../model/src';
import { requireNetwork, uniqueId } from './testNetwork';
import { api, eventually, testAdminToken } from './gatewayClient';
import { startInProcessGateway, type InProcessGateway } from './inProcessGateway';

describe('scan counting and clone detection', function () {
  this.timeout(120_000);
  let gateway: InProcessGateway;
  let services: GatewayServices;
  let base: string;

  before(async () => {
    requireNetwork();
    // A gateway behind a (pretend) reverse proxy, so each request can come from its own client network.
    gateway = await startInProcessGateway((config) => {
      config.trustProxy = true;
    });
    ({ services, base } = gateway);
  });
  after(async () => {
    await gateway?.close();
  });

  const scan = (serial: string, region: string, client: string) =>
    fetch(`${base}/01/09521234543213/21/${serial}?r=${region}`, { headers: { 'x-forwarded-for': client, accept: 'application/json' } });

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

  it('stores anonymised scans without slowing the answer, and ignores one client\'s claims of many regions', async () => {
    const serial = uniqueId('SN').slice(-12);
    for (const region of ['330106', '110101', '440103', '510104']) {
      const response = await scan(serial, region, '203.0.113.7');
      expect(response.status).to.equal(404); // serials are not registered yet; the scan still counts
    }
    await services.scans.flush();
    const tallies = await services.store.collection('primary_scan_tallies').find({}).toArray();
    const stored = tallies.flatMap((tally) => (tally.counts as { subjectId: string; count: number }[]).filter((c) => c.subjectId === `01/09521234543213/21/${serial}`));
    expect(stored.reduce((sum, c) => sum + c.count, 0)).to.equal(4);
    expect(stored[0]).to.include.keys('client', 'at', 'province', 'city', 'count');
    expect(JSON.stringify(tallies)).not.to.include('203.0.113');
    expect(await cluesOf(serial)).to.deep.equal([]);
  });

  it('files one risk clue when independent clients place the same code in two provinces within an hour', async () => {
    const serial = uniqueId('SN').slice(-12);
    await scan(serial, '330106', '198.51.100.10');
    await scan(serial, '330102', '192.0.2.20');
    await scan(serial, '110101', '203.0.113.30');
    await scan(serial, '110105', '100.64.0.40');
    await services.scans.flush();
    await scan(serial, '110105', '100.64.1.50');
    await services.scans.flush();
    const clues = await eventually('the scan clue in the projection', async () => {
      const found = await cluesOf(serial);
      return found.length > 0 ? found : undefined;
    }, 20_000);
    expect(clues).to.have.length(1);
    expect(clues[0].source).to.equal('scanMonitor');
    expect(clues[0].anomaly?.regions).to.deep.equal({ '33': 2, '11': 2 });
  });

  it('keeps the clues of two codes flagged in the same hour apart, on the ledger and in the clue list of each code', async () => {
    const firstBlock = await ledgerHeight(services.reader, services.ledger.channel);
    const [first, second] = [uniqueId('SA').slice(-12), uniqueId('SB').slice(-12)];
    await Promise.all([
      scan(first, '330106', '198.51.101.10'),
      scan(first, '330102', '192.0.3.20'),
      scan(first, '110101', '203.0.114.30'),
      scan(first, '110105', '100.64.2.40'),
      scan(second, '440103', '198.51.102.10'),
      scan(second, '440105', '192.0.4.20'),
      scan(second, '510104', '203.0.115.30'),
      scan(second, '510107', '100.64.3.40'),
    ]);
    await services.scans.flush();

    const onLedger = (await cluesOnLedger(firstBlock)).filter((clue) => [subjectOf(first), subjectOf(second)].includes(clue.subjectId));
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
