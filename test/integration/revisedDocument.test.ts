import { expect } from 'chai';
import mongoose, { Schema } from 'mongoose';
import { reviseDocument, type Revised } from '../../gateway/src/store/revisedDocument';
import { gatewayConfig } from './gatewayClient';
import { requireNetwork } from './testNetwork';

interface Sightings extends Revised {
  clients: string[];
}

describe('documents several gateways read-modify-write', function () {
  this.timeout(120_000);
  let store: mongoose.Connection;

  before(async () => {
    requireNetwork();
    store = await mongoose.createConnection(String(gatewayConfig().mongoUri).replace(/\/[^/]*$/, `/revised_${Date.now().toString(36)}`)).asPromise();
  });
  after(async () => {
    await store?.dropDatabase();
    await store?.close();
  });

  it('keeps every writer\'s change when two write one document at once', async () => {
    const model = store.model<Sightings>('Sightings', new Schema<Sightings>({ _id: String, revision: Number, clients: [String] }, { collection: 'primary_sightings', versionKey: false }));
    const writer = async (name: string): Promise<void> => {
      for (let i = 0; i < 15; i++) await reviseDocument(model, 'code|hour', (stored) => ({ _id: 'code|hour', clients: [...(stored?.clients ?? []), `${name}${i}`] }));
    };
    await Promise.all([writer('a'), writer('b'), writer('c')]);
    const stored = await model.findById('code|hour').lean();
    expect(stored?.clients).to.have.length(45);
    expect(stored?.revision).to.equal(45);
  });
});
