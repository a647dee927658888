import { expect } from 'chai';
import { pino } from 'pino';
import { CheckScheduler } from '../../gateway/src/domains/scheduler';

describe('check scheduler', () => {
  const log = pino({ level: 'silent' });

  it('skips a check that is still running instead of running it twice at once', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const check = { name: 'slow', everySeconds: 60, run: async () => { runs++; await new Promise<void>((resolve) => { release = resolve; }); return 1; } };
    const scheduler = new CheckScheduler(log);
    const first = scheduler.runOnce(check);
    expect(await scheduler.runOnce(check)).to.equal(0);
    release();
    expect(await first).to.equal(1);
    expect(runs).to.equal(1);
  });

  it('survives a failing check and runs it again next time', async () => {
    let calls = 0;
    const check = { name: 'flaky', everySeconds: 60, run: async () => { calls++; if (calls === 1) throw new Error('store away'); return 3; } };
    const scheduler = new CheckScheduler(log);
    expect(await scheduler.runOnce(check)).to.equal(0);
    expect(await scheduler.runOnce(check)).to.equal(3);
  });
});
