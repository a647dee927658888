import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { NetworkLayout } from './layout';

/**
 * Long-running processes of a network (CAs, orderers, peers, chaincode servers, FerretDB, gateway):
 * started detached with output in a log file and a pid file, so that `npm stop` can stop them later
 * from another process.
 */
export interface ManagedProcess {
  component: string;
  pid: number;
  logFile: string;
}

export interface StartOptions {
  component: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export function startProcess(layout: NetworkLayout, options: StartOptions): ManagedProcess {
  fs.mkdirSync(layout.logsDir, { recursive: true });
  fs.mkdirSync(layout.pidsDir, { recursive: true });
  const logFile = layout.logFile(options.component);
  const out = fs.openSync(logFile, 'a');
  fs.writeSync(out, `\n===== ${new Date().toISOString()} starting ${options.command} ${options.args.join(' ')}\n`);
  const child = spawn(options.command, options.args, {
    cwd: options.cwd ?? layout.stateDir,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  if (child.pid === undefined) {
    throw new Error(`could not start ${options.component} (${options.command}); see ${logFile}`);
  }
  child.unref();
  fs.writeFileSync(pidFile(layout, options.component), `${child.pid}\n`);
  return { component: options.component, pid: child.pid, logFile };
}

function pidFile(layout: NetworkLayout, component: string): string {
  return path.join(layout.pidsDir, `${component}.pid`);
}

/** The pid of a component that is still running, or undefined. */
export function runningPid(layout: NetworkLayout, component: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(pidFile(layout, component), 'utf8'), 10);
  } catch {
    return undefined;
  }
  return Number.isInteger(pid) && isAlive(pid) ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie or a recycled pid of another program does not count.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) Z /.test(stat);
  } catch {
    return true;
  }
}

/** Components with a pid file, in the order they were started. */
export function knownComponents(layout: NetworkLayout): string[] {
  if (!fs.existsSync(layout.pidsDir)) {
    return [];
  }
  return fs
    .readdirSync(layout.pidsDir)
    .filter((file) => file.endsWith('.pid'))
    .map((file) => ({ component: file.slice(0, -4), mtime: fs.statSync(path.join(layout.pidsDir, file)).mtimeMs }))
    .sort((a, b) => a.mtime - b.mtime)
    .map((entry) => entry.component);
}

/** Stops a component: SIGTERM to its process group, SIGKILL after a grace period. */
export async function stopProcess(layout: NetworkLayout, component: string, graceMs = 10_000): Promise<boolean> {
  const pid = runningPid(layout, component);
  fs.rmSync(pidFile(layout, component), { force: true });
  if (pid === undefined) {
    return false;
  }
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && isAlive(pid)) {
    await sleep(100);
  }
  if (isAlive(pid)) {
    signalGroup(pid, 'SIGKILL');
  }
  return true;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The last lines of a log file, for error messages. */
export function logTail(logFile: string, lines = 15): string {
  try {
    return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Polls until `check` returns a value. Fails early, with the log's tail, when the process behind it
 * has died, and with a clear message on timeout instead of hanging.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  options: { timeoutMs: number; process?: ManagedProcess; layout?: NetworkLayout; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (options.process && options.layout && runningPid(options.layout, options.process.component) === undefined) {
      throw new Error(`${options.process.component} exited while waiting for ${what}. Log ${options.process.logFile}:\n${logTail(options.process.logFile)}`);
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const log = options.process ? `\nLog ${options.process.logFile}:\n${logTail(options.process.logFile)}` : '';
      throw new Error(`timed out after ${options.timeoutMs / 1000}s waiting for ${what}${detail}${log}`);
    }
    await sleep(options.intervalMs ?? 250);
  }
}

export async function waitForPort(port: number, what: string, process: ManagedProcess, layout: NetworkLayout, timeoutMs = 30_000): Promise<void> {
  await waitFor(what, async () => ((await isPortOpen(port)) ? true : undefined), { timeoutMs, process, layout });
}

export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly output: string,
  ) {
    super(`command failed: ${command}\n${output.trim().split('\n').slice(-20).join('\n')}`);
  }
}

/** Runs a tool to completion and returns its stdout; throws a {@link CommandError} with its output on failure. */
export function run(command: string, args: string[], env?: NodeJS.ProcessEnv, cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { env: { ...process.env, ...env }, cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new CommandError(`${path.basename(command)} ${args.join(' ')}`, `${stdout}\n${stderr}`));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}
