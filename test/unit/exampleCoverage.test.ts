import { expect } from 'chai';
import { examplesWithoutOperation, operationsOf, operationsWithoutExample } from '../../gateway/src/openapi/exampleCoverage';
import { mismatchOf } from '../../gateway/src/openapi/exampleMatch';

describe('examples against the document and the answers', () => {
  const paths = {
    '/coldchain/lots': { post: {}, summary: 'lots' },
    '/coldchain/lots/{lotId}': { get: {}, parameters: [] },
    '/health': { get: {} },
  };

  it('lists the operations of a document, not the other members of its path items', () => {
    expect(operationsOf(paths)).to.deep.equal(['POST /coldchain/lots', 'GET /coldchain/lots/{lotId}', 'GET /health']);
  });

  it('names every operation without an example, however many examples others have', () => {
    const examples = [
      { method: 'post' as const, path: '/coldchain/lots' },
      { method: 'post' as const, path: '/coldchain/lots' },
      { method: 'get' as const, path: '/coldchain/lots/01/09521234543213/10/X/journey', unrouted: true as const },
    ];
    expect(operationsWithoutExample(paths, examples)).to.deep.equal(['GET /coldchain/lots/{lotId}', 'GET /health']);
    expect(operationsWithoutExample(paths, [...examples, { method: 'get', path: '/coldchain/lots/{lotId}' }, { method: 'get', path: '/health' }])).to.deep.equal([]);
  });

  it('names examples of operations the document lacks, but not those of unrouted paths', () => {
    const examples = [
      { method: 'get' as const, path: '/coldchain/lot/{lotId}' },
      { method: 'put' as const, path: '/coldchain/lots', unrouted: true as const },
      { method: 'get' as const, path: '/health' },
    ];
    expect(examplesWithoutOperation(paths, examples)).to.deep.equal(['GET /coldchain/lot/{lotId}']);
  });

  it('finds an example\'s members in an answer that has more, and array items in any order', () => {
    const answer = { result: { lots: [{ id: 'B', quantity: 2 }, { id: 'A', quantity: 1, hold: { state: 'recalled' } }] }, txId: 'tx' };
    expect(mismatchOf(answer, { result: { lots: [{ id: 'A', hold: { state: 'recalled' } }, { id: 'B' }] } })).to.equal(undefined);
    expect(mismatchOf(answer, { result: { lots: [] } })).to.equal(undefined);
    expect(mismatchOf([{ eventId: 'e1' }], [])).to.equal(undefined);
  });

  it('says where an answer falls short', () => {
    const answer = { result: { lots: [{ id: 'A', quantity: 1 }] } };
    expect(mismatchOf(answer, { result: { lots: [{ id: 'A', quantity: 2 }] } })).to.equal('$.result.lots: no item contains $.result.lots[0] {"id":"A","quantity":2}');
    expect(mismatchOf(answer, { txId: 'tx' })).to.equal('$.txId: expected "tx", got nothing');
    expect(mismatchOf(answer, { result: { lots: { id: 'A' } } })).to.equal('$.result.lots: expected an object, got [{"id":"A","quantity":1}]');
    expect(mismatchOf({ lots: 'none' }, { lots: [] })).to.equal('$.lots: expected an array, got "none"');
    expect(mismatchOf({ quantity: '1' }, { quantity: 1 })).to.equal('$.quantity: expected 1, got "1"');
  });
});
