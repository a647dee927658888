import { expect } from 'chai';
import { BLOCK_CUTTING, blockCutting } from '../../network/src/configtx';

describe('orderer block cutting for new channels', () => {
  it('uses the project defaults without overrides', () => {
    expect(blockCutting({})).to.deep.equal(BLOCK_CUTTING);
  });

  it('takes BatchTimeout, MaxMessageCount and PreferredMaxBytes from the environment, keeping AbsoluteMaxBytes', () => {
    const settings = blockCutting({ TRACELEDGER_BATCH_TIMEOUT: '100ms', TRACELEDGER_MAX_MESSAGE_COUNT: '100', TRACELEDGER_PREFERRED_MAX_BYTES: '512KB' });
    expect(settings).to.deep.equal({ BatchTimeout: '100ms', BatchSize: { MaxMessageCount: 100, AbsoluteMaxBytes: BLOCK_CUTTING.BatchSize.AbsoluteMaxBytes, PreferredMaxBytes: '512 KB' } });
  });

  it('refuses settings configtxgen would misread', () => {
    expect(() => blockCutting({ TRACELEDGER_BATCH_TIMEOUT: '100' })).to.throw(/TRACELEDGER_BATCH_TIMEOUT/);
    expect(() => blockCutting({ TRACELEDGER_MAX_MESSAGE_COUNT: '0' })).to.throw(/TRACELEDGER_MAX_MESSAGE_COUNT/);
    expect(() => blockCutting({ TRACELEDGER_PREFERRED_MAX_BYTES: '2 GB' })).to.throw(/TRACELEDGER_PREFERRED_MAX_BYTES/);
  });
});
