import type { Logger } from 'pino';
import type { ScheduledCheck } from './domainHooks';

/**
 * Runs every domain's scheduled checks, each at its own interval and never twice at once: a check
 * slower than its interval skips a beat instead of piling up. A failed run is logged and tried again
 * at the next beat, since checks are safe to repeat.
 */
export class CheckScheduler {
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #running = new Set<string>();

  constructor(private readonly log: Logger) {}

  start(checks: readonly ScheduledCheck[]): void {
    for (const check of checks) {
      const timer = setInterval(() => void this.runOnce(check), check.everySeconds * 1000);
      timer.unref();
      this.#timers.push(timer);
    }
  }

  /** Runs one check now unless it is already running; answers what it acted on (0 when skipped or failed). */
  async runOnce(check: ScheduledCheck, now = Date.now()): Promise<number> {
    if (this.#running.has(check.name)) return 0;
    this.#running.add(check.name);
    try {
      return await check.run(now);
    } catch (error) {
      this.log.warn({ err: error, check: check.name }, 'scheduled check failed; trying again at its next run');
      return 0;
    } finally {
      this.#running.delete(check.name);
    }
  }

  stop(): void {
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers.length = 0;
  }
}
