import { NetworkLayout, profileNamed } from '../network/src/layout';

/** The network a command acts on: `dev` (npm start) unless TRACELEDGER_PROFILE says `test`. */
export function selectedLayout(): NetworkLayout {
  return new NetworkLayout(profileNamed(process.env.TRACELEDGER_PROFILE ?? 'dev'));
}

/** Runs a command's main function; prints a failure plainly and exits non-zero. */
export function runCommand(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`\nFAILED: ${error instanceof Error ? error.message : String(error)}\n`);
      process.stderr.write('If the network is half-started, `npm stop` stops what runs; `npm run reset` wipes all state.\n');
      process.exit(1);
    },
  );
}
