import { expect } from 'chai';
import pino from 'pino';
import type { Sample } from '../../model/src';
import type { SamplingModels } from '../../gateway/src/projection/sampling';
import { FinalitySweeper } from '../../gateway/src/sampling/finalitySweeper';

const NOW = Date.parse('2026-07-20T00:00:00Z');
const doc = <T>(value: T | undefined) => ({ lean: () => Promise.resolve(value ?? null) });

/** Stub models: the day lists and the samples the sweep reads by `_id`, nothing else. */
function modelsOf(days: Record<string, string[]>, samples: Record<string, Partial<Sample>>): Pick<SamplingModels, 'sampleWindows' | 'samples'> {
  return {
    sampleWindows: { findById: (id: string) => doc(days[id] && { _id: id, sampleIds: days[id] }) },
    samples: { findById: (id: string) => doc(samples[id] && { _id: id, record: { sampleId: id, ...samples[id] } }) },
  } as unknown as Pick<SamplingModels, 'sampleWindows' | 'samples'>;
}

describe('the sampling finality sweep', () => {
  it('asks the ledger to finalize only samples whose window closed and that await no re-test', async () => {
    const finalized: string[] = [];
    const models = modelsOf(
      { '2026-07-16': ['closed', 'objected', 'final', 'gone'], '2026-07-20': ['open'] },
      {
        closed: { status: 'reported', objectionUntil: '2026-07-16T02:00:00.000Z' },
        objected: { status: 'objected', objectionUntil: '2026-07-16T02:00:00.000Z' },
        final: { status: 'final', objectionUntil: '2026-07-16T02:00:00.000Z' },
        open: { status: 'reported', objectionUntil: '2026-07-20T08:00:00.000Z' },
      },
    );
    const sweeper = new FinalitySweeper(models, (id) => Promise.resolve(void finalized.push(id)), pino({ level: 'silent' }));
    expect(await sweeper.sweep(NOW)).to.equal(1);
    expect(finalized).to.deep.equal(['closed']);
  });

  it('carries on past a refusal and counts only what the ledger took', async () => {
    const models = modelsOf({ '2026-07-15': ['a', 'b'] }, { a: { status: 'reported', objectionUntil: '2026-07-15T00:00:00.000Z' }, b: { status: 'reported', objectionUntil: '2026-07-15T00:00:00.000Z' } });
    const sweeper = new FinalitySweeper(models, (id) => (id === 'a' ? Promise.reject(new Error('CONFLICT: sampleId: sample a is already final')) : Promise.resolve()), pino({ level: 'silent' }));
    expect(await sweeper.sweep(NOW)).to.equal(1);
  });
});
