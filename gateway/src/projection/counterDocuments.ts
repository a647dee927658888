import type { Model } from 'mongoose';
import type { LedgerSource } from './ledgerModel';

/** A document of counters that remembers the last ledger position applied to it. */
export interface CounterDocument {
  _id: string;
  /** The last ledger position applied: a replayed block's events at or before it are skipped. */
  highWater?: LedgerSource;
  /** The same position, as every ledger-derived document names where it was last written. */
  source?: LedgerSource;
}

export type CounterChange<T> = (counters: T) => void;

const after = (a: LedgerSource, b: LedgerSource | undefined): boolean => b === undefined || a.blockNumber > b.blockNumber || (a.blockNumber === b.blockNumber && a.txIndex > b.txIndex);

/**
 * Changes to counter documents gathered over a group of blocks, then applied as one read-modify-write
 * per document: a change at or before the document's high-water mark is skipped, so a block projected
 * again after a crash adds nothing twice.
 *
 * @example
 * const changes = new CounterChanges<PassRateCounter>((id) => ({ _id: id, passed: 0, failed: 0 }));
 * changes.on('2026-07|*|*', source, (c) => c.passed++);
 * await changes.apply(models.passRates);
 */
export class CounterChanges<T extends CounterDocument> {
  private readonly changes = new Map<string, { source: LedgerSource; change: CounterChange<T> }[]>();

  constructor(private readonly empty: (id: string) => T) {}

  on(id: string, source: LedgerSource, change: CounterChange<T>): void {
    this.changes.set(id, [...(this.changes.get(id) ?? []), { source, change }]);
  }

  async apply(model: Model<T>): Promise<void> {
    for (const [id, changes] of this.changes) {
      const counters = ((await model.findById(id).lean()) as T | null) ?? this.empty(id);
      const mark = counters.highWater;
      let changed = false;
      for (const { source, change } of changes) {
        if (!after(source, mark)) continue;
        change(counters);
        counters.highWater = source;
        counters.source = source;
        changed = true;
      }
      if (changed) await model.replaceOne({ _id: id } as never, counters as never, { upsert: true });
    }
  }
}
