import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';
import { connectStore } from '../../../gateway/src/store/connection';
import { HOST } from '../../../network/src/layout';
import { isPortOpen, logTail, sleep } from '../../../network/src/processes';
import { step } from '../../../network/src/progress';
import { binary, installTools, readVersions } from '../../../network/src/tools';

/** The database the benchmark writes in, apart from the project's own data on a shared MongoDB. */
const BENCH_DATABASE = 'traceledger_store_bench';

/** A store connection as the gateway opens it, and the benchmark's database on it. */
export interface StoreSession {
  db: Db;
  close(): Promise<void>;
}

/**
 * The store under measurement: the MongoDB that `MONGODB_URI` names, or a FerretDB of our own. Ours
 * is the project's launcher build (`.tools/bin/ferretdb`, network/tools/ferretdb), which adds the
 * `_id` expression index the gateway's lookups need, on a fresh SQLite folder, so figures do not
 * depend on what an earlier run left behind.
 */
export interface StoreTarget {
  /** What the figures were measured on, for the report. */
  description: string;
  /** Whether a hung store can be killed and started afresh (only our own). */
  restartable: boolean;
  connect(): Promise<StoreSession>;
  /** Kills a hung store and starts an empty one in its place. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function sessionOn(uri: string): Promise<StoreSession> {
  const connection: Connection = await connectStore(uri);
  return {
    db: connection.getClient().db(BENCH_DATABASE),
    // Forced: after a hang the pool holds calls that will never be answered.
    close: () => connection.close(true),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** The project's FerretDB launcher on a free port and a fresh SQLite folder under `workDir`. */
class OwnFerretDb {
  private child: ChildProcess | undefined;
  private port = 0;
  private starts = 0;
  private readonly killOnExit = (): void => {
    this.child?.kill('SIGKILL');
  };

  constructor(private readonly workDir: string) {}

  get uri(): string {
    return `mongodb://${HOST}:${this.port}/`;
  }

  async start(): Promise<void> {
    this.starts += 1;
    const dataDir = path.join(this.workDir, `sqlite-${this.starts}`);
    fs.mkdirSync(dataDir, { recursive: true });
    this.port = await freePort();
    const logFile = path.join(this.workDir, 'ferretdb.log');
    const out = fs.openSync(logFile, 'a');
    const child = spawn(binary('ferretdb'), ['-listen-addr', `${HOST}:${this.port}`, '-sqlite-url', `file:${dataDir}/`, '-log-level', 'warn'], { stdio: ['ignore', out, out] });
    fs.closeSync(out);
    this.child = child;
    process.once('exit', this.killOnExit);
    const deadline = Date.now() + 30_000;
    while (!(await isPortOpen(this.port))) {
      if (child.exitCode !== null) throw new Error(`FerretDB exited at start (code ${child.exitCode}). Log ${logFile}:\n${logTail(logFile)}`);
      if (Date.now() > deadline) throw new Error(`FerretDB did not listen on ${this.port} within 30 s. Log ${logFile}:\n${logTail(logFile)}`);
      await sleep(100);
    }
    step('store', `FerretDB (project launcher) on ${HOST}:${this.port}, SQLite in ${dataDir}`);
  }

  /** SIGTERM, then SIGKILL: a FerretDB wedged by a bulk write may not get round to shutting down. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    process.removeListener('exit', this.killOnExit);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * Opens the store to measure: `MONGODB_URI` when set (its data is left alone: the benchmark uses its
 * own database there and drops each collection it made), otherwise starts our own FerretDB.
 *
 * @example
 * const target = await openStoreTarget();
 * try { const session = await target.connect(); … } finally { await target.stop(); }
 */
export async function openStoreTarget(): Promise<StoreTarget> {
  const external = process.env.MONGODB_URI;
  if (external) {
    step('store', `measuring the store MONGODB_URI names (database ${BENCH_DATABASE})`);
    return {
      // The URI itself may carry credentials: not printed, not written to bench-results.
      description: `the MongoDB MONGODB_URI names, database ${BENCH_DATABASE}`,
      restartable: false,
      connect: () => sessionOn(external),
      restart: () => Promise.reject(new Error('a store named by MONGODB_URI is not ours to restart')),
      stop: () => Promise.resolve(),
    };
  }
  await installTools();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceledger-store-bench-'));
  const ferret = new OwnFerretDb(workDir);
  await ferret.start();
  return {
    description: `FerretDB ${readVersions().ferretdb.release} on SQLite through the project launcher (.tools/bin/ferretdb, which adds the _id expression index), fresh folder`,
    restartable: true,
    connect: () => sessionOn(ferret.uri),
    restart: async () => {
      await ferret.stop();
      await ferret.start();
    },
    stop: async () => {
      await ferret.stop();
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}
