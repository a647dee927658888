import crypto from 'node:crypto';

export interface CodeRun {
  runId: string;
  /** Who started it: only they may watch it. */
  startedBy: string;
  total: number;
  done: number;
  startedAt: string;
  finishedAt?: string;
}

/** How long a finished run's progress stays readable. */
const KEEP_FINISHED_MS = 10 * 60 * 1000;

/**
 * Progress of bulk code runs while they stream. The archive's response headers name the run
 * (`X-Code-Run`) as soon as streaming starts, so a label-printing client can show how far it is.
 * In memory: a run lives only as long as its request.
 */
export class CodeRuns {
  readonly #runs = new Map<string, CodeRun>();

  start(startedBy: string, total: number): CodeRun {
    this.#prune();
    const run: CodeRun = { runId: crypto.randomUUID(), startedBy, total, done: 0, startedAt: new Date().toISOString() };
    this.#runs.set(run.runId, run);
    return run;
  }

  finish(run: CodeRun): void {
    run.finishedAt = new Date().toISOString();
  }

  get(runId: string): CodeRun | undefined {
    return this.#runs.get(runId);
  }

  #prune(): void {
    const cutoff = Date.now() - KEEP_FINISHED_MS;
    for (const [id, run] of this.#runs) {
      if (run.finishedAt !== undefined && Date.parse(run.finishedAt) < cutoff) this.#runs.delete(id);
    }
  }
}
