/**
 * Preloaded into profiled processes (cpuProfile.ts): exits normally on SIGTERM/SIGINT so that
 * `--cpu-prof` writes its profile. A process with its own shutdown handler keeps it: this one only
 * acts when it is the sole listener.
 */
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (process.listenerCount(signal) === 1) {
      process.exit(0);
    }
  });
}
