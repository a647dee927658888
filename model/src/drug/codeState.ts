import { canonicalJson } from '../canonicalJson';
import type { DrugHold } from './hold';

/**
 * The state of codes on the ledger, kept as runs of contiguous serials with the same facts, one
 * ledger key per {@link SERIAL_BUCKET_SIZE} serials of an identification code (`SerialBucket`). Boxes
 * hold contiguous serials and are packed, shipped and dispensed together, so a bucket holds few runs
 * and a batch of hundreds of codes reads and writes a few keys. A serial no run covers is as its
 * commissioning left it: active, loose, with its commissioner.
 */

/** Where a code stands. A code in a terminal state is out of the chain for good, except by a return. */
export const CodeStates = ['active', 'inTransit', 'dispensed', 'sold', 'destroyed', 'stolen', 'sampled', 'exported'] as const;
export type CodeState = (typeof CodeStates)[number];

/** States a code leaves the supply chain in (dispensed and sold reopen by a return to the seller). */
export const RetiredStates = ['destroyed', 'stolen', 'sampled', 'exported'] as const;
export type RetiredState = (typeof RetiredStates)[number];
export const TerminalStates: readonly CodeState[] = ['dispensed', 'sold', ...RetiredStates];

export const isTerminal = (state: CodeState): boolean => TerminalStates.includes(state);

/** A shipment of a code (as an outermost pack) awaiting the receiver. */
export interface CodeShipment {
  eventId: string;
  from: string;
  to: string;
  eventTime: string;
  txId: string;
}

/** The last change of a code's state: who, when, where (city for the public), why. */
export interface CodeChange {
  eventId: string;
  by: string;
  eventTime: string;
  /** 6-digit region code of where it happened, when given. */
  region?: string;
  reason?: string;
  txId: string;
}

/** The facts of a run of codes; absent members take the defaults above. */
export interface CodeFacets {
  /** The pack it is in (20-digit code). Absent: loose. */
  parent?: string;
  /** Who holds it, when it is loose and has moved on its own. Absent: inside its parent, or with its commissioner. */
  holder?: string;
  state?: CodeState;
  shipment?: CodeShipment;
  hold?: DrugHold;
  /** The change that put it in its state (dispense, sale, retirement, return). */
  change?: CodeChange;
}

export interface CodeRun extends CodeFacets {
  from: number;
  to: number;
}

export interface SerialBucket {
  idCode: string;
  bucket: number;
  /** Sorted by serial, never overlapping; neighbouring runs with equal facets are merged. */
  runs: CodeRun[];
}

function facetsOf(run: CodeRun): CodeFacets {
  const facets: CodeFacets & Partial<Pick<CodeRun, 'from' | 'to'>> = { ...run };
  delete facets.from;
  delete facets.to;
  return facets;
}
const sameFacets = (a: CodeFacets, b: CodeFacets): boolean => canonicalJson(a) === canonicalJson(b);
const isDefault = (facets: CodeFacets): boolean => canonicalJson(facets) === '{}';

/** The facts of one serial of the bucket. */
export function facetsAt(bucket: Pick<SerialBucket, 'runs'>, serial: number): CodeFacets {
  const run = bucket.runs.find((r) => r.from <= serial && serial <= r.to);
  return run ? facetsOf(run) : {};
}

/**
 * The runs of `from..to` as they stand, gaps filled with the default facets: what a change over that
 * range starts from.
 */
export function runsWithin(bucket: Pick<SerialBucket, 'runs'>, from: number, to: number): CodeRun[] {
  const out: CodeRun[] = [];
  let next = from;
  for (const run of bucket.runs) {
    if (run.to < from || run.from > to) continue;
    if (run.from > next) out.push({ from: next, to: run.from - 1 });
    out.push({ ...facetsOf(run), from: Math.max(run.from, from), to: Math.min(run.to, to) });
    next = Math.min(run.to, to) + 1;
  }
  if (next <= to) out.push({ from: next, to });
  return out;
}

/**
 * The bucket with the facts of `from..to` replaced by what `change` makes of each run's facts: runs
 * are cut at the ends, neighbours with equal facets merged, default runs dropped.
 *
 * @example
 * withFacets(bucket, 42, 42, (f) => ({ ...f, state: 'dispensed' }))
 */
export function withFacets<B extends Pick<SerialBucket, 'runs'>>(bucket: B, from: number, to: number, change: (facets: CodeFacets) => CodeFacets): B {
  const changed = runsWithin(bucket, from, to).map((run) => ({ ...change(facetsOf(run)), from: run.from, to: run.to }));
  const before = bucket.runs.filter((run) => run.from < from).map((run) => (run.to >= from ? { ...run, to: from - 1 } : run));
  const after = bucket.runs.filter((run) => run.to > to).map((run) => (run.from <= to ? { ...run, from: to + 1 } : run));
  const merged: CodeRun[] = [];
  for (const run of [...before, ...changed, ...after]) {
    if (isDefault(facetsOf(run))) continue;
    const last = merged[merged.length - 1];
    if (last && last.to + 1 === run.from && sameFacets(facetsOf(last), facetsOf(run))) {
      last.to = run.to;
    } else {
      merged.push({ ...run });
    }
  }
  return { ...bucket, runs: merged };
}
