import { expect } from 'chai';
import { isUscc, usccCheckCharacter, usccRegion, wrongCheckCharacter } from '../../model/src';

describe('unified social credit code', () => {
  it('accepts published codes whose check character GB 32100 derives', () => {
    expect(isUscc('91350100M000100Y43')).to.equal(true);
    expect(isUscc('91110000802100433B')).to.equal(true);
  });

  it('derives the check character from the first 17 characters', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).to.equal('3');
  });

  it('rejects a code with a wrong check character', () => {
    expect(isUscc('91350100M000100Y44')).to.equal(false);
  });

  it('names the expected check character of a code whose last character is wrong', () => {
    expect(wrongCheckCharacter('91350100M000100Y44')).to.equal('credit code 91350100M000100Y44 has check character 4, but the check character of 91350100M000100Y4 is 3');
    expect(wrongCheckCharacter('91110000802100433C')).to.equal('credit code 91110000802100433C has check character C, but the check character of 91110000802100433 is B');
  });

  it('says nothing of the check character for a valid code or one of another shape', () => {
    expect(wrongCheckCharacter('91350100M000100Y43')).to.equal(undefined);
    expect(wrongCheckCharacter('91350100M000100I43')).to.equal(undefined);
    expect(wrongCheckCharacter('91350100M000100Y4')).to.equal(undefined);
  });

  it('rejects letters GB 32100 excludes (I, O, S, V, Z) and wrong lengths', () => {
    expect(isUscc('91350100M000100I43')).to.equal(false);
    expect(isUscc('91350100M000100Y4')).to.equal(false);
    expect(isUscc('91350100M000100Y433')).to.equal(false);
  });

  it('reads the administrative region code', () => {
    expect(usccRegion('91350100M000100Y43')).to.equal('350100');
  });
});
