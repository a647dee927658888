import type { Logger } from 'pino';
import type { ProjectionFollower } from './projectionFollower';
import type { Projector } from './projector';
import type { ProjectorLease } from './projectorLease';

/** `lead`: take the projector lease when it is free (the default); `follow`: never project, only follow. */
export type ProjectionRole = 'lead' | 'follow';

/** What runs only on the gateway that holds the lease (scheduled sweeps). */
export interface LeaderWork {
  start(): void;
  stop(): void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Several gateways on one store: the one holding the projector lease projects and runs the scheduled
 * work; the others follow the ledger to keep their in-memory reads fresh, and try for the lease every
 * few seconds, so one of them takes over within the lease time after the leader dies.
 *
 * @example
 * const leadership = new ProjectionLeadership(lease, projector, follower, scheduler, log);
 * leadership.start(checkpointAtStart);
 */
export class ProjectionLeadership {
  #stopped = false;
  #leading = false;
  #loop: Promise<void> | undefined;

  constructor(
    private readonly lease: ProjectorLease,
    private readonly projector: Projector,
    private readonly follower: ProjectionFollower,
    private readonly leaderWork: LeaderWork,
    private readonly log: Logger,
    private readonly role: ProjectionRole = 'lead',
  ) {}

  get leading(): boolean {
    return this.#leading;
  }

  /** The height this gateway's in-memory reads reflect at least: where its projector or its follower is. */
  get readsTrueUpTo(): number | undefined {
    if (!this.#leading) return this.follower.position;
    // Just after taking the lease the follower may still be dropping what the previous leader wrote.
    const following = this.follower.position;
    return following === undefined ? this.projector.nextBlock : Math.min(following, this.projector.nextBlock);
  }

  /** Starts following from `fromBlock` (what the in-memory reads are true up to) and, unless only following, competing for the lease. */
  start(fromBlock: number): void {
    this.follower.start(fromBlock);
    if (this.role === 'lead') this.#loop = this.#compete();
  }

  async #compete(): Promise<void> {
    while (!this.#stopped) {
      let fence: Awaited<ReturnType<ProjectorLease['tryAcquire']>>;
      try {
        fence = await this.lease.tryAcquire();
      } catch (error) {
        this.log.warn({ err: error }, 'could not read the projector lease; trying again');
      }
      if (!fence) {
        await sleep(this.lease.ttlMs / 5);
        continue;
      }
      await this.#lead(fence);
    }
  }

  async #lead(fence: NonNullable<Awaited<ReturnType<ProjectorLease['tryAcquire']>>>): Promise<void> {
    if (this.#stopped) {
      // Stopped while the lease was being taken: hand it straight back.
      await fence.release().catch(() => undefined);
      return;
    }
    this.log.info({ term: fence.term, holder: this.lease.holder }, 'projector lease taken: this gateway projects');
    this.#leading = true;
    const renewal = setInterval(() => {
      fence.renew().then(
        (held) => {
          if (!held) {
            this.log.warn({ term: fence.term }, 'projector lease lost: another gateway projects now');
            this.projector.stop();
          }
        },
        (error: unknown) => this.log.warn({ err: error }, 'projector lease renewal failed; the projector stops writing when it runs out'),
      );
    }, this.lease.ttlMs / 3);
    this.leaderWork.start();
    try {
      // The follower drops the keys of what the previous leader projected, up to where this one starts.
      await this.projector.run(fence, (from) => this.follower.stopAt(from));
    } finally {
      clearInterval(renewal);
      this.leaderWork.stop();
      this.#leading = false;
      await fence.release().catch(() => undefined);
      if (!this.#stopped) this.follower.start(this.projector.nextBlock);
    }
  }

  /** Stops projecting and following, and hands the lease back so another gateway takes over at once. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.projector.stop();
    this.follower.stop();
    await this.#loop;
  }
}
