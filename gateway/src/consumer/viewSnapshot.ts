import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { PROJECTION_VERSION } from '../projection/models';
import type { LotFacts } from './lotView';

/** The first line of a snapshot file: what it is true up to. */
interface SnapshotHeader {
  format: 'traceledger-consumer-views';
  /** Projected documents' format when it was taken: another version's facts are not reused. */
  projectionVersion: number;
  /** Every block below it was reflected in the facts when the snapshot was taken. */
  height: number;
  lots: number;
  takenAt: string;
}

/** Lines per chunk handed to the gzip stream; the event loop serves scans between chunks. */
const LINES_PER_CHUNK = 500;

/**
 * Writes every lot's consumer facts to `file` as gzipped JSON lines, the header first, through a
 * temporary file renamed into place, so a crash mid-write leaves the previous snapshot whole.
 *
 * @example
 * await saveViewSnapshot(path.join(dataDir, 'consumer-views.snapshot.gz'), 1234, consumerViews.keptFacts());
 */
export async function saveViewSnapshot(file: string, height: number, facts: readonly (readonly [string, LotFacts])[]): Promise<void> {
  const header: SnapshotHeader = { format: 'traceledger-consumer-views', projectionVersion: PROJECTION_VERSION, height, lots: facts.length, takenAt: new Date().toISOString() };
  async function* lines(): AsyncGenerator<string> {
    yield `${JSON.stringify(header)}\n`;
    for (let i = 0; i < facts.length; i += LINES_PER_CHUNK) {
      yield facts.slice(i, i + LINES_PER_CHUNK).map((entry) => `${JSON.stringify(entry)}\n`).join('');
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const partial = `${file}.partial`;
  await pipeline(Readable.from(lines()), zlib.createGzip({ level: 1 }), fs.createWriteStream(partial, { mode: 0o600 }));
  fs.renameSync(partial, file);
}

/**
 * Reads a snapshot written by {@link saveViewSnapshot}; undefined when there is none, it is of
 * another projection format, or it claims more blocks than the ledger has (the ledger was reset).
 */
export async function loadViewSnapshot(file: string, ledgerHeight: number): Promise<{ height: number; facts: [string, LotFacts][] } | undefined> {
  if (!fs.existsSync(file)) return undefined;
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  let header: SnapshotHeader | undefined;
  const facts: [string, LotFacts][] = [];
  for await (const line of lines) {
    if (!header) {
      header = JSON.parse(line) as SnapshotHeader;
      if (header.format !== 'traceledger-consumer-views' || header.projectionVersion !== PROJECTION_VERSION || header.height > ledgerHeight) {
        lines.close();
        return undefined;
      }
      continue;
    }
    if (line) facts.push(JSON.parse(line) as [string, LotFacts]);
  }
  return header && { height: header.height, facts };
}
