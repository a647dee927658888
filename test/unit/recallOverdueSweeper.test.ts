import { expect } from 'chai';
import { pino } from 'pino';
import type { Recall, RecallHolder } from '../../model/src';
import { RecallOverdueSweeper } from '../../gateway/src/overdue/recallOverdueSweeper';
import type { RecallModels, StoredRecall } from '../../gateway/src/projection/recalls';

const holder = (enterpriseId: string, extra: Partial<RecallHolder> = {}): RecallHolder =>
  ({ recallId: 'R', enterpriseId, items: [], directConsignee: false, updatedAt: '', txId: '', ...extra }) as RecallHolder;

const stored = (recallId: string, acknowledgeBy: string, holders: RecallHolder[], state: Recall['state'] = 'open'): StoredRecall =>
  ({ _id: recallId, recall: { recallId, acknowledgeBy, state } as Recall, holders, source: { txId: '', blockNumber: 0, txIndex: 0, eventIndex: 0 } });

/** Models answering `findById(...).lean()` from maps, as the projection's documents would. */
function modelsOf(days: Record<string, string[]>, recalls: StoredRecall[]): Pick<RecallModels, 'recallDeadlines' | 'recalls'> {
  const lean = <T>(value: T) => ({ lean: async () => value });
  return {
    recallDeadlines: { findById: (day: string) => lean(days[day] ? { _id: day, recallIds: days[day] } : null) },
    recalls: { findById: (id: string) => lean(recalls.find((r) => r._id === id) ?? null) },
  } as unknown as Pick<RecallModels, 'recallDeadlines' | 'recalls'>;
}

describe('recall overdue sweep', () => {
  it('asks the ledger about open recalls past their acknowledgement deadline with a silent holder, and no others', async () => {
    const now = Date.parse('2026-11-10T12:00:00Z');
    const models = modelsOf({ '2026-11-10': ['past', 'answered', 'future', 'closed'], '2026-11-08': ['older'] }, [
      stored('past', '2026-11-10T08:00:00.000Z', [holder('A', { acknowledgedAt: 'x' }), holder('B')]),
      stored('answered', '2026-11-10T08:00:00.000Z', [holder('A', { acknowledgedAt: 'x' }), holder('B', { overdueSince: 'y' })]),
      stored('future', '2026-11-10T18:00:00.000Z', [holder('A')]),
      stored('closed', '2026-11-10T08:00:00.000Z', [holder('A')], 'closed'),
      stored('older', '2026-11-08T08:00:00.000Z', [holder('C')]),
    ]);
    const asked: string[] = [];
    const sweeper = new RecallOverdueSweeper(models, async (recallId) => void asked.push(recallId), pino({ level: 'silent' }));
    expect(await sweeper.sweep(now)).to.equal(2);
    expect(asked).to.deep.equal(['past', 'older']);
    expect(sweeper.check().name).to.equal('recall acknowledgement deadlines');
  });
});
