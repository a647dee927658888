/**
 * Reads V8 .cpuprofile files (`node --cpu-prof`) and ranks functions by self time: the time sampled
 * while the function itself was on top of the stack, summed over every node of the call tree that
 * names it.
 */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface FunctionSelfTime {
  /** `name (file:line)`; `(idle)`, `(garbage collector)` and `(program)` are V8's own. */
  name: string;
  selfMs: number;
  /** Share of all sampled time, idle included. */
  share: number;
}

const shortUrl = (url: string): string => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '~/').replace(/^.*\/dist\//, 'dist/');

export function functionKey(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  return frame.url ? `${name} (${shortUrl(frame.url)}:${frame.lineNumber + 1})` : name;
}

/** Self time per function, largest first; the first `top` of them. */
export function topSelfTime(profile: CpuProfile, top = 20): { totalMs: number; functions: FunctionSelfTime[] } {
  const keyOf = new Map(profile.nodes.map((node) => [node.id, functionKey(node.callFrame)]));
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    // A sample's delta is the time since the previous sample; charge it to this sample's node.
    const delta = Math.max(0, profile.timeDeltas[i] ?? 0);
    totalUs += delta;
    const key = keyOf.get(id) ?? '(unknown)';
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
  });
  const functions = [...selfUs.entries()]
    .map(([name, us]) => ({ name, selfMs: us / 1000, share: totalUs === 0 ? 0 : us / totalUs }))
    .sort((a, b) => b.selfMs - a.selfMs || a.name.localeCompare(b.name))
    .slice(0, top);
  return { totalMs: totalUs / 1000, functions };
}

/** Busy time only: the shares without V8's idle entry, so they add up to what the process computed. */
export function withoutIdle(ranking: { totalMs: number; functions: FunctionSelfTime[] }, idleMs: number): { busyMs: number; functions: FunctionSelfTime[] } {
  const busyMs = ranking.totalMs - idleMs;
  return { busyMs, functions: ranking.functions.filter((f) => f.name !== '(idle)').map((f) => ({ ...f, share: busyMs > 0 ? f.selfMs / busyMs : 0 })) };
}

/** Ranking of one profile as text lines, busy shares first. */
export function formatTopSelfTime(title: string, profile: CpuProfile, top = 15): string {
  const all = topSelfTime(profile, Number.MAX_SAFE_INTEGER);
  const idleMs = all.functions.find((f) => f.name === '(idle)')?.selfMs ?? 0;
  const busy = withoutIdle({ totalMs: all.totalMs, functions: all.functions }, idleMs);
  const lines = [`${title}: ${(all.totalMs / 1000).toFixed(1)} s profiled, ${(busy.busyMs / 1000).toFixed(1)} s busy (${((100 * busy.busyMs) / Math.max(all.totalMs, 1)).toFixed(0)}%)`];
  for (const f of busy.functions.slice(0, top)) {
    lines.push(`  ${(100 * f.share).toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.name}`);
  }
  return lines.join('\n');
}
