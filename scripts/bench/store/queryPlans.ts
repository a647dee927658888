import type { Collection, Document, Filter, OptionalUnlessRequiredId } from 'mongodb';
import { sleep } from '../../../network/src/processes';

/** The name part of the index the project's FerretDB launcher adds (network/tools/ferretdb/idindex.go). */
const LAUNCHER_ID_INDEX = '__tl_id_lookup';

/**
 * How the store runs one filter, in one line: FerretDB's SQLite plan and whether the filter was pushed
 * down to SQLite, or MongoDB's winning plan as its stages (`FETCH < IXSCAN`, `COLLSCAN`, …).
 */
export function planOf(explain: Document): string {
  const planner = (explain.queryPlanner ?? {}) as Document;
  if (Array.isArray(planner.Plan)) {
    const pushed = explain.filterPushdown === true ? 'filter pushed down to SQLite' : 'filter NOT pushed down: every document decoded in Go';
    return `${(planner.Plan as string[]).map((line) => line.replace(/^id=\d+ parent=\d+ notused=\d+ detail=/, '')).join('; ')} (${pushed})`;
  }
  const stages: string[] = [];
  for (let stage = planner.winningPlan as Document | undefined; stage; stage = (stage.inputStage ?? stage.queryPlan) as Document | undefined) {
    stages.push(String(stage.stage ?? '?'));
  }
  return stages.length > 0 ? stages.join(' < ') : 'no plan in the explain output';
}

/** The plan of `find(filter)` on `collection`. */
export async function findPlan<T extends Document>(collection: Collection<T>, filter: Filter<T>): Promise<string> {
  return planOf(await collection.find(filter).explain());
}

/**
 * Waits until `_id` lookups on a new collection use the launcher's index, and answers the plan it saw
 * (on MongoDB, which indexes `_id` itself, the first one). The launcher adds the index within a
 * fraction of a second of FerretDB creating the table, but FerretDB's connections plan reads without
 * it (explain shows a SCAN for as long as we watched, 17 s) until something writes to the database; so
 * between looks this writes and deletes `probe`. Rows measured before would time scans.
 */
export async function waitForIdIndex<T extends Document & { _id: string }>(collection: Collection<T>, probe: OptionalUnlessRequiredId<T>, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const explain = await collection.find({ _id: probe._id } as Filter<T>).explain();
    const plan = planOf(explain);
    const ferretDb = Array.isArray((explain.queryPlanner as Document | undefined)?.Plan);
    if (!ferretDb || plan.includes(LAUNCHER_ID_INDEX) || Date.now() > deadline) return plan;
    await collection.insertOne(probe);
    await collection.deleteOne({ _id: probe._id } as Filter<T>);
    await sleep(100);
  }
}
