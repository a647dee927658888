import { expect } from 'chai';
import { cloneSuspicion } from '../../gateway/src/scans/cloneSuspicion';

describe('clone suspicion from scans', () => {
  it('flags a code placed in two provinces by two independent clients each', () => {
    const scans = [
      { province: '33', client: 'a' },
      { province: '33', client: 'b' },
      { province: '11', client: 'c' },
      { province: '11', client: 'd' },
      { province: '11', client: 'd' },
    ];
    expect(cloneSuspicion(scans)).to.deep.equal({ '33': 2, '11': 2 });
  });

  it('never lets one client get a genuine item flagged, whatever regions it claims', () => {
    const scans = ['33', '11', '44', '51'].flatMap((province) => [{ province, client: 'same' }, { province, client: 'same' }]);
    expect(cloneSuspicion(scans)).to.equal(undefined);
  });

  it('needs two supported provinces: one busy province and one lone claim are not enough', () => {
    const scans = [{ province: '33', client: 'a' }, { province: '33', client: 'b' }, { province: '33', client: 'c' }, { province: '11', client: 'd' }, { client: 'e' }];
    expect(cloneSuspicion(scans)).to.equal(undefined);
  });
});
