import { expect } from 'chai';
import {
  creditGradeOf,
  DrawCommitInputSchema,
  drawOf,
  finalityRefusal,
  isDrawReproduced,
  objectionDeadline,
  objectionRefusal,
  passRateCounterIds,
  passRateOf,
  planCoversRegion,
  SampleResultInputSchema,
  sampleVerdictOf,
  seedCommitment,
  type Draw,
} from '../../model/src';

const SEED = '00112233445566778899aabbccddeeff';

describe('sampling model', () => {
  describe('finality', () => {
    const sample = { sampleId: 'S1', status: 'reported' as const, objectionUntil: objectionDeadline('2026-07-01T10:00:00+08:00', 15) };

    it('closes the objection window whole days after the report', () => {
      expect(sample.objectionUntil).to.equal('2026-07-16T02:00:00.000Z');
    });

    it('refuses finality inside the window and grants it after', () => {
      expect(finalityRefusal(sample, '2026-07-16T02:00:00.000Z')).to.include('open until 2026-07-16T02:00:00.000Z');
      expect(finalityRefusal(sample, '2026-07-16T02:00:00.001Z')).to.equal(undefined);
    });

    it('refuses finality while an objection awaits its re-test, and twice', () => {
      expect(finalityRefusal({ ...sample, status: 'objected' }, '2026-08-01T00:00:00Z')).to.include('awaits its re-test');
      expect(finalityRefusal({ ...sample, status: 'final' }, '2026-08-01T00:00:00Z')).to.include('already final');
    });

    it('takes one objection, inside the window only', () => {
      expect(objectionRefusal(sample, '2026-07-10T00:00:00Z')).to.equal(undefined);
      expect(objectionRefusal(sample, '2026-07-17T00:00:00Z')).to.include('closed');
      expect(objectionRefusal({ ...sample, objection: { reason: 'r', by: 'E', filedAt: '2026-07-02T00:00:00Z', txId: 't' } }, '2026-07-10T00:00:00Z')).to.include('already objected');
    });

    it('fails a sample when any item fails', () => {
      expect(sampleVerdictOf([{ result: 'pass' }, { result: 'fail' }])).to.equal('fail');
      expect(sampleVerdictOf([{ result: 'pass' }])).to.equal('pass');
    });
  });

  describe('sample input', () => {
    const input = {
      sampleId: 'DBJ-1', planId: 'CJ-1', enterpriseId: '91350100M000100Y43', sampledAt: '2026-07-01T09:00:00+08:00', reportedAt: '2026-07-03T09:00:00+08:00',
      product: { categoryCode: 'food.meat', name: 'Frozen lamb', item: { kind: 'other', description: 'tray of lamb' } },
      items: [{ name: 'lead', result: 'pass' }], lab: 'Lab', reportSha256: 'a'.repeat(64),
    };

    it('names the report hash when it is not hex', () => {
      const parsed = SampleResultInputSchema.safeParse({ ...input, reportSha256: 'not-a-hash' });
      expect(parsed.success).to.equal(false);
      expect(parsed.error?.issues[0].path).to.deep.equal(['reportSha256']);
    });

    it('refuses a report issued before the sample was taken', () => {
      const parsed = SampleResultInputSchema.safeParse({ ...input, reportedAt: '2026-06-30T09:00:00+08:00' });
      expect(parsed.error?.issues[0].path).to.deep.equal(['reportedAt']);
    });
  });

  it('lets a plan for a city cover its districts by the region table, not its neighbours', () => {
    const binjiang = ['330108', '330100', '330000'];
    expect(planCoversRegion({ regionCodes: ['330100'] }, binjiang)).to.equal(true);
    expect(planCoversRegion({ regionCodes: ['330000'] }, binjiang)).to.equal(true);
    expect(planCoversRegion({ regionCodes: ['330200'] }, binjiang)).to.equal(false);
    expect(planCoversRegion({ regionCodes: ['330100'] }, ['330108']), 'a region the table does not hold is its own chain').to.equal(false);
  });

  describe('pass rates', () => {
    it('count a sample in its month and year, its region chain and all, its category and all', () => {
      const ids = passRateCounterIds({ sampledAt: '2026-06-30T20:00:00Z', regionChain: ['330108', '330100', '330000'], categoryCode: 'food.meat' });
      expect(ids).to.have.length(16);
      // 20:00 UTC on June 30 is July 1 in Shanghai.
      expect(ids).to.include('2026-07|330108|food.meat').and.include('2026|*|*').and.include('2026-07|330000|*');
      expect(ids.some((id) => id.startsWith('2026-06'))).to.equal(false);
    });

    it('say the rate and whether it meets the target', () => {
      expect(passRateOf(197, 3)).to.deep.equal({ passed: 197, failed: 3, total: 200, rate: 0.985, meetsTarget: true });
      expect(passRateOf(0, 0).rate).to.equal(undefined);
    });
  });

  describe('double-random draws', () => {
    const lists = { enterpriseIds: ['E1', 'E2', 'E3', 'E4', 'E5'], inspectorIds: ['i1', 'i2', 'i3'], enterpriseCount: 2, inspectorCount: 2 };

    it('draw the same from the same seed, whatever order the lists come in', () => {
      const once = drawOf(SEED, lists);
      const again = drawOf(SEED, { ...lists, enterpriseIds: [...lists.enterpriseIds].reverse(), inspectorIds: [...lists.inspectorIds].reverse() });
      expect(again).to.deep.equal(once);
      expect(once.drawnEnterprises).to.have.length(2);
      expect(once.drawnInspectors).to.have.length(2);
      expect(new Set(once.drawnEnterprises).size).to.equal(2);
    });

    it('draw otherwise from another seed (over a few seeds)', () => {
      const draws = new Set(['a', 'b', 'c', 'd', 'e'].map((c) => JSON.stringify(drawOf(c.repeat(32), lists).drawnEnterprises)));
      expect(draws.size).to.be.above(1);
    });

    it('let anyone check a revealed draw, and catch a doctored one', () => {
      const result = drawOf(SEED, lists);
      const draw: Draw = { drawId: 'D1', commitment: seedCommitment(SEED), ...lists, status: 'revealed', committedBy: 'r', committedAt: 't', commitTxId: 'x', seed: SEED, ...result };
      expect(isDrawReproduced(draw)).to.equal(true);
      const other = lists.enterpriseIds.find((id) => !result.drawnEnterprises.includes(id)) ?? '';
      expect(isDrawReproduced({ ...draw, drawnEnterprises: [other, result.drawnEnterprises[1]] })).to.equal(false);
      expect(isDrawReproduced({ ...draw, seed: 'ff'.repeat(16) })).to.equal(false);
    });

    it('refuse to draw more than are eligible', () => {
      const parsed = DrawCommitInputSchema.safeParse({ drawId: 'DRAW-1', commitment: seedCommitment(SEED), enterpriseIds: ['91350100M000100Y43'], enterpriseCount: 2 });
      expect(parsed.error?.issues[0].path).to.deep.equal(['enterpriseCount']);
    });
  });

  describe('credit grade', () => {
    it('is A with a clean record and shows every fact with a zero count', () => {
      const grade = creditGradeOf({});
      expect(grade.grade).to.equal('A');
      expect(grade.score).to.equal(0);
      expect(grade.facts.map((f) => f.fact)).to.deep.equal(['failedFinalSamples', 'complaints', 'unclosedClues', 'lateRecallAnswers', 'duplicateDispenses', 'overdueMaintenance']);
    });

    it('adds count times weight per fact and bands the score', () => {
      const grade = creditGradeOf({ failedFinalSamples: 1, complaints: 2 });
      expect(grade.score).to.equal(40);
      expect(grade.grade).to.equal('C');
      expect(grade.facts.find((f) => f.fact === 'complaints')).to.include({ count: 2, weight: 5, contribution: 10 });
      expect(creditGradeOf({ duplicateDispenses: 1 }).grade).to.equal('B');
      expect(creditGradeOf({ failedFinalSamples: 4 }).grade).to.equal('D');
    });
  });
});
