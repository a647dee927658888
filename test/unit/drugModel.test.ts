import { expect } from 'chai';
import {
  canonicalCodeList,
  CODE_CHUNK_SIZE,
  codeChunkRoots,
  codeListRoot,
  codeListSummary,
  chunkRootsTreeLevels,
  chunkTreeLevels,
  codeProofFromChunk,
  codeProofFromLevels,
  CommissioningInputSchema,
  DrugBatchRegistrationSchema,
  DrugProductRegistrationSchema,
  DrugTraceCodeSchema,
  facetsAt,
  publicPack,
  rootOfChunks,
  verdictOf,
  verifyCodeInclusion,
  withFacets,
  type DrugPack,
  type SerialBucket,
} from '../../model/src';

/** A code of identification 8123456 with serial n and check digits that only the list knows. */
const code = (n: number, check = (n * 7919) % 10_000): string => `8123456${String(n).padStart(9, '0')}${String(check).padStart(4, '0')}`;

describe('drug trace codes', () => {
  it('names what is wrong with a typed code: its length, or a letter and where', () => {
    expect(DrugTraceCodeSchema.safeParse(code(42)).success).to.equal(true);
    const short = DrugTraceCodeSchema.safeParse('8123456000000042123');
    expect(short.error?.issues[0].message).to.match(/must be 20 digits .* but has 19/);
    const letter = DrugTraceCodeSchema.safeParse('81234560000000A21234');
    expect(letter.error?.issues[0].message).to.match(/"A" at position 15/);
  });
});

describe('drug products and batches', () => {
  const product = {
    approvalNumber: '国药准字H20261234',
    genericName: '阿莫西林胶囊',
    dosageForm: '胶囊剂',
    strength: '0.25g',
    packageSpec: '24粒/盒',
    storageCondition: '密封，在干燥处保存',
    levels: [{ level: 'unit', idCode: '8123456' }, { level: 'box', idCode: '8123457', contains: 10 }, { level: 'case', idCode: '8123458', contains: 20 }],
  };

  it('accepts levels innermost first, each with its own identification code, and defaults the return window', () => {
    const parsed = DrugProductRegistrationSchema.parse(product);
    expect(parsed.returnWindowDays).to.equal(7);
  });

  it('refuses levels out of order, a level without its count and an identification code used twice', () => {
    const swapped = DrugProductRegistrationSchema.safeParse({ ...product, levels: [product.levels[0], product.levels[2], product.levels[1]] });
    expect(swapped.error?.issues.map((i) => i.path.join('.'))).to.include('levels.2.level');
    const noCount = DrugProductRegistrationSchema.safeParse({ ...product, levels: [product.levels[0], { level: 'box', idCode: '8123457' }] });
    expect(noCount.error?.issues[0].path.join('.')).to.equal('levels.1.contains');
    const twice = DrugProductRegistrationSchema.safeParse({ ...product, levels: [product.levels[0], { ...product.levels[1], idCode: '8123456' }] });
    expect(twice.error?.issues[0].path.join('.')).to.equal('levels.1.idCode');
  });

  it('refuses an expiry before production, naming expiryDate', () => {
    const result = DrugBatchRegistrationSchema.safeParse({ productId: '8123456', batchNumber: 'B1', productionDate: '2026-11-01', expiryDate: '2026-10-31', quantities: { unit: 10 } });
    expect(result.error?.issues[0].path).to.deep.equal(['expiryDate']);
  });
});

describe('drug commissioning', () => {
  it('orders a list by serial and refuses a serial twice or a second identification code', () => {
    expect(canonicalCodeList([code(3), code(1), code(2)])).to.deep.equal([code(1), code(2), code(3)]);
    expect(() => canonicalCodeList([code(1), code(1, 5)])).to.throw(/appears twice/);
    expect(() => canonicalCodeList([code(1), `8123457${code(2).slice(7)}`])).to.throw(/one list holds one product and level/);
  });

  it('summarises a list as span, count and root', () => {
    const list = canonicalCodeList([code(10), code(12), code(11)]);
    expect(codeListSummary(list)).to.deep.include({ idCode: '8123456', firstSerial: 10, lastSerial: 12, count: 3 });
  });

  it('refuses a count larger than the span', () => {
    const result = CommissioningInputSchema.safeParse({ productId: '8123456', batchNumber: 'B1', level: 'unit', firstSerial: 1, lastSerial: 3, count: 4, merkleRoot: 'a'.repeat(64) });
    expect(result.error?.issues[0].path).to.deep.equal(['count']);
  });

  it('builds a code proof from one chunk and the chunk roots that checks against the root of the whole list', () => {
    for (const size of [1, 5, CODE_CHUNK_SIZE, CODE_CHUNK_SIZE + 1, 3 * CODE_CHUNK_SIZE + 17]) {
      const list = Array.from({ length: size }, (_, i) => code(i));
      const root = codeListRoot(list);
      const roots = codeChunkRoots(list);
      expect(rootOfChunks(roots)).to.equal(root);
      for (const index of [0, size - 1, Math.floor(size / 2)]) {
        const chunkIndex = Math.floor(index / CODE_CHUNK_SIZE);
        const chunk = list.slice(chunkIndex * CODE_CHUNK_SIZE, (chunkIndex + 1) * CODE_CHUNK_SIZE);
        const proof = codeProofFromChunk(chunk, chunkIndex, index % CODE_CHUNK_SIZE, roots, size);
        expect(verifyCodeInclusion(list[index], proof, root), `size ${size} index ${index}`).to.equal(true);
        // From trees built once (as the gateway keeps them for an upload's many codes): the same proof.
        expect(codeProofFromLevels(chunkTreeLevels(chunk), chunkRootsTreeLevels(roots), chunkIndex, index % CODE_CHUNK_SIZE, size)).to.deep.equal(proof);
        // The right serial with guessed check digits is not in the list.
        expect(verifyCodeInclusion(code(index, 9999 - ((index * 7919) % 10_000)), proof, root)).to.equal(false);
      }
    }
  });
});

describe('drug code states in buckets of serials', () => {
  const empty: SerialBucket = { idCode: '8123456', bucket: 0, runs: [] };

  it('cuts runs where a change begins and ends and merges neighbours that become equal', () => {
    const packed = withFacets(empty, 0, 9, () => ({ parent: code(900) }));
    expect(packed.runs).to.have.length(1);
    const sold = withFacets(packed, 4, 4, (f) => ({ ...f, parent: undefined, state: 'sold' }));
    expect(sold.runs.map((r) => [r.from, r.to])).to.deep.equal([[0, 3], [4, 4], [5, 9]]);
    expect(facetsAt(sold, 4)).to.deep.include({ state: 'sold' });
    expect(facetsAt(sold, 5)).to.deep.equal({ parent: code(900) });
    const back = withFacets(sold, 4, 4, () => ({ parent: code(900) }));
    expect(back.runs).to.deep.equal([{ from: 0, to: 9, parent: code(900) }]);
  });

  it('drops runs that return to the defaults', () => {
    const held = withFacets(empty, 3, 5, () => ({ holder: 'x' }));
    expect(withFacets(held, 0, 9, () => ({})).runs).to.deep.equal([]);
  });
});

describe('drug verdicts and audiences', () => {
  const batch = { expiryDate: '2028-10-31' };
  it('answers unknown, dispensed, recalled, suspect, expired and genuine in that order', () => {
    expect(verdictOf({ known: false, facets: [], today: '2026-12-02' })).to.equal('unknown');
    expect(verdictOf({ known: true, facets: [{ state: 'sold' }], batch, today: '2026-12-02' })).to.equal('dispensed');
    const hold = { state: 'recalled' as const, reason: 'r', setBy: 'x', setAt: 't', txId: 'tx' };
    expect(verdictOf({ known: true, facets: [{}, { hold }], batch, today: '2026-12-02' })).to.equal('recalled');
    expect(verdictOf({ known: true, facets: [{}], batch: { ...batch, hold: { ...hold, state: 'quarantined' } }, today: '2026-12-02' })).to.equal('suspect');
    expect(verdictOf({ known: true, facets: [{}], batch, today: '2028-11-01' })).to.equal('expired');
    expect(verdictOf({ known: true, facets: [{}], batch, today: '2026-12-02' })).to.equal('genuine');
  });

  it('never shows the public the child codes of a pack', () => {
    const pack: DrugPack = {
      parent: code(900), idCode: '8123458', level: 'case', productId: '8123456', children: [{ idCode: '8123457', from: 1, to: 20 }], childCount: 20,
      contents: { box: 20, unit: 200 }, status: 'packed', packedBy: 'x', eventId: 'e', eventTime: 't', txId: 'tx',
    };
    const seen = JSON.stringify(publicPack(pack));
    expect(seen).to.not.include('children');
    expect(seen).to.include('"childCount":20');
  });
});
