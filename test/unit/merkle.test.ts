import { expect } from 'chai';
import { auditPath, canonicalReadingBytes, EMPTY_TREE_HASH, leafHash, merkleRoot, verifyInclusion, verifyReadingProof, type TemperatureReading } from '../../model/src';

/**
 * Expected values were computed once outside this code base, with Python's hashlib and a direct
 * transcription of RFC 6962's recursive MTH and PATH definitions (split at the largest power of two
 * below n); the roots agree with the certificate-transparency project's published test vectors.
 */
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) => Buffer.from(hex, 'hex'));
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_PATHS: { index: number; size: number; path: string[] }[] = [
  {
    index: 0,
    size: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  { index: 4, size: 5, path: ['d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  {
    index: 3,
    size: 7,
    path: [
      '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      '837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e',
    ],
  },
];

const LOGGER = 'urn:epc:id:giai:4000001.111';
const readings: TemperatureReading[] = [-195, -190, -172, -201, -188].map((tenthsC, i) => ({
  loggerId: LOGGER,
  readingId: `r-${i}`,
  time: `2026-11-29T08:0${i}:00+08:00`,
  tenthsC,
}));
const READINGS_ROOT = '1dc12107cfe4256b7c38b2f02a25f51c5fd43a8e94c66ef7ff42d51c0e4a4f7b';

describe('RFC 6962 Merkle tree', () => {
  it('hashes the empty tree to SHA-256 of nothing', () => {
    expect(merkleRoot([]).toString('hex')).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(EMPTY_TREE_HASH.toString('hex')).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('gives the certificate-transparency roots for the first 1 to 8 test leaves', () => {
    CT_ROOTS.forEach((root, i) => {
      expect(merkleRoot(CT_LEAVES.slice(0, i + 1).map(leafHash)).toString('hex'), `tree of ${i + 1}`).to.equal(root);
    });
  });

  it('gives the audit paths RFC 6962 section 2.1.1 defines', () => {
    for (const { index, size, path } of CT_PATHS) {
      expect(auditPath(CT_LEAVES.slice(0, size).map(leafHash), index).auditPath, `leaf ${index} of ${size}`).to.deep.equal(path);
    }
  });

  it('verifies every leaf of every tree size up to 8 against its root', () => {
    for (let size = 1; size <= 8; size++) {
      const leaves = CT_LEAVES.slice(0, size).map(leafHash);
      for (let index = 0; index < size; index++) {
        expect(verifyInclusion(leaves[index], auditPath(leaves, index), CT_ROOTS[size - 1]), `leaf ${index} of ${size}`).to.equal(true);
      }
    }
  });

  it('refuses a proof with a wrong index, tree size or sibling', () => {
    const leaves = CT_LEAVES.map(leafHash);
    const proof = auditPath(leaves, 5);
    expect(verifyInclusion(leaves[5], { ...proof, leafIndex: 4 }, CT_ROOTS[7])).to.equal(false);
    expect(verifyInclusion(leaves[5], { ...proof, treeSize: 6 }, CT_ROOTS[7])).to.equal(false);
    expect(verifyInclusion(leaves[5], { ...proof, auditPath: [...proof.auditPath.slice(0, 2), CT_ROOTS[0]] }, CT_ROOTS[7])).to.equal(false);
    expect(verifyInclusion(leaves[5], { ...proof, auditPath: proof.auditPath.slice(0, 2) }, CT_ROOTS[7])).to.equal(false);
  });
});

describe('temperature readings in the Merkle tree', () => {
  it('encodes a reading canonically: sorted keys, UTC time with milliseconds, integer tenths', () => {
    expect(canonicalReadingBytes(readings[0]).toString('utf8')).to.equal(
      '{"loggerId":"urn:epc:id:giai:4000001.111","readingId":"r-0","tenthsC":-195,"time":"2026-11-29T00:00:00.000Z"}',
    );
    expect(leafHash(canonicalReadingBytes(readings[0])).toString('hex')).to.equal('5438a4b05ea9bc874cfb7c4520c40ca58e5485053a5390eb867b57bc4f72fc4a');
  });

  it('refuses a temperature that is not a whole number of tenths', () => {
    expect(() => canonicalReadingBytes({ ...readings[0], tenthsC: -19.5 })).to.throw('tenthsC must be an integer');
  });

  it('builds the root computed independently for five readings, and proves reading 2', () => {
    const leaves = readings.map((r) => leafHash(canonicalReadingBytes(r)));
    expect(merkleRoot(leaves).toString('hex')).to.equal(READINGS_ROOT);
    const proof = auditPath(leaves, 2);
    expect(proof.auditPath).to.deep.equal([
      '2e53eed0673cd75e77920928d9eea74b5b95326c92cd9c2ff43ad20f50067d53',
      '77c4574e996a433ce070b2b3a813859cd8ffd6c182a6db858575c6b8cacb70e4',
      '16ad9b91aaa54f5609276b2a506ca6effac831fb1ad1dc20a15f0a94871e17b0',
    ]);
    expect(verifyInclusion(leaves[2], proof, READINGS_ROOT)).to.equal(true);
  });

  it('fails the proof of a forged reading (one tenth of a degree colder)', () => {
    const leaves = readings.map((r) => leafHash(canonicalReadingBytes(r)));
    const forged = leafHash(canonicalReadingBytes({ ...readings[2], tenthsC: -173 }));
    expect(verifyInclusion(forged, auditPath(leaves, 2), READINGS_ROOT)).to.equal(false);
  });

  it('checks a reading proof from the reading alone, whatever offset its time was written with', () => {
    const leaves = readings.map((r) => leafHash(canonicalReadingBytes(r)));
    const proof = auditPath(leaves, 4);
    expect(verifyReadingProof({ reading: { ...readings[4], time: '2026-11-29T00:04:00Z' }, proof, merkleRoot: READINGS_ROOT })).to.equal(true);
    expect(verifyReadingProof({ reading: { ...readings[4], readingId: 'r-5' }, proof, merkleRoot: READINGS_ROOT })).to.equal(false);
    expect(verifyReadingProof({ reading: { ...readings[4], time: 'yesterday' }, proof, merkleRoot: READINGS_ROOT })).to.equal(false);
  });
});
