import type { Contract } from '@hyperledger/fabric-gateway';

/**
 * What a load process counts: the latency of every committed transaction, the events they carried,
 * and the failures with the first reason. Shared by the load processes so they count alike.
 */
export class SubmitTally {
  readonly latenciesMs: number[] = [];
  committedEvents = 0;
  failed = 0;
  firstError: string | undefined;

  /** Submits, waits for the commit status and counts the outcome; true when it committed. */
  async submit(contract: Contract, fn: string, args: string[], events = 1): Promise<boolean> {
    const t0 = performance.now();
    try {
      const commit = await contract.submitAsync(fn, { arguments: args });
      const status = await commit.getStatus();
      if (status.successful) {
        this.latenciesMs.push(performance.now() - t0);
        this.committedEvents += events;
        return true;
      }
      this.#fail(`validation code ${status.code}`);
    } catch (error) {
      const details = (error as { details?: { message: string }[] }).details?.map((d) => d.message).join('; ');
      this.#fail(`${error instanceof Error ? error.message : String(error)}${details ? ` (${details})` : ''}`);
    }
    return false;
  }

  #fail(reason: string): void {
    this.failed++;
    this.firstError ??= reason;
  }
}

/** Runs a load process: its one JSON result line on stdout, or the error on stderr and exit 1. */
export function runAsLoadProcess(main: () => Promise<object>): void {
  main()
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
