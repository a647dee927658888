import { expect } from 'chai';
import mongoose from 'mongoose';
import { buildServices } from '../../gateway/src/buildServices';
import { GatewayConfigSchema } from '../../gateway/src/config';
import { checkpointModel, PROJECTION_VERSION } from '../../gateway/src/projection/models';
import { leaseTermModel, ProjectorLease } from '../../gateway/src/projection/projectorLease';
import { gatewayConfig } from './gatewayClient';
import { requireNetwork } from './testNetwork';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('projector lease', function () {
  this.timeout(120_000);
  const database = `lease_${Date.now().toString(36)}`;
  const uri = () => String(gatewayConfig().mongoUri).replace(/\/[^/]*$/, `/${database}`);
  let store: mongoose.Connection;

  before(async () => {
    requireNetwork();
    store = await mongoose.createConnection(uri()).asPromise();
  });
  after(async () => {
    await store?.dropDatabase();
    await store?.close();
  });

  it('gives each term to one holder, the next term only after expiry, and tells a replaced holder on renewal', async () => {
    const a = new ProjectorLease(leaseTermModel(store), 'ch/cc', 'gateway-a', 1_500);
    const b = new ProjectorLease(leaseTermModel(store), 'ch/cc', 'gateway-b', 1_500);
    const first = await a.tryAcquire();
    expect(first?.term).to.equal(1);
    expect(first?.holds()).to.equal(true);
    expect(await b.tryAcquire(), 'b while a holds term 1').to.equal(undefined);
    expect(await first?.renew()).to.equal(true);

    await sleep(1_600);
    expect(first?.holds(), 'a after its lease time without renewal').to.equal(false);
    const second = await b.tryAcquire();
    expect(second?.term).to.equal(2);
    expect(await first?.renew(), 'a renewing after b took term 2').to.equal(false);
    expect(first?.holds()).to.equal(false);

    // Two claimants of one term: the unique `_id` lets one win.
    await second?.release();
    const c = new ProjectorLease(leaseTermModel(store), 'ch/cc', 'gateway-c', 1_500);
    const claims = await Promise.all([a.tryAcquire(), c.tryAcquire()]);
    expect(claims.filter((claim) => claim !== undefined).map((claim) => claim?.term)).to.deep.equal([3]);
  });

  it('stops a projector whose term is older than the checkpoint it would overwrite', async () => {
    const config = GatewayConfigSchema.parse({ ...gatewayConfig(), mongoUri: uri() });
    const services = await buildServices(config);
    services.log.level = 'silent';
    try {
      await checkpointModel(store).replaceOne({ _id: `${config.channel}/${config.chaincode}` }, { nextBlock: 0, version: PROJECTION_VERSION, term: 5, updatedAt: new Date() }, { upsert: true });
      // Resolves (instead of projecting on) once its first checkpoint write is refused.
      await services.projector.run({ term: 3, holds: () => true });
      const checkpoint = await checkpointModel(store).findById(`${config.channel}/${config.chaincode}`).lean();
      expect(checkpoint?.term).to.equal(5);
      expect(checkpoint?.nextBlock).to.equal(0);
    } finally {
      services.projector.stop();
      services.ledger.close();
      await services.store.close();
    }
  });
});
