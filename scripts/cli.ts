import { NetworkLayout, profileNamed } from '../network/src/layout';

/** The network a command acts on: `dev` (npm start) unless TRACELEDGER_PROFILE says `test`. */
export function selectedLayout(): NetworkLayout {
  return new NetworkLayout(profileNamed(process.env.TRACELEDGER_PROFILE ?? 'dev'));
}

/** What most commands add to a failure: they act on the local network, which may be half up. */
const networkAdvice = (): string => 'If the network is half-started, `npm stop` stops what runs; `npm run reset` wipes all state.';

/**
 * Runs a command's main function; prints a failure plainly, with `adviceFor`'s hint if it has one,
 * and exits non-zero.
 */
export function runCommand(main: () => Promise<void>, adviceFor: (error: unknown) => string | undefined = networkAdvice): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`\nFAILED: ${error instanceof Error ? error.message : String(error)}\n`);
      const advice = adviceFor(error);
      if (advice) process.stderr.write(`${advice}\n`);
      process.exit(1);
    },
  );
}
