import { Presets, SingleBar } from 'cli-progress';
import { loadGatewayConfig, type GatewayConfig } from '../gateway/src/config';
import type { CollectionProgress } from '../gateway/src/store/backup';
import { gatewayConfigFile } from '../network/src/gatewayConfig';
import { selectedLayout } from './cli';

/**
 * The configuration of the gateway whose primary data `npm run backup` / `npm run restore` act on:
 * the file TRACELEDGER_GATEWAY_CONFIG names (a deployed gateway), else the one `npm start` wrote for
 * the selected network; MONGODB_URI overrides its store as it does for the gateway.
 */
export function selectedGatewayConfig(): GatewayConfig {
  const file = process.env.TRACELEDGER_GATEWAY_CONFIG ?? gatewayConfigFile(selectedLayout());
  return loadGatewayConfig({ ...process.env, TRACELEDGER_GATEWAY_CONFIG: file });
}

/** Prints a bar per collection on a terminal, and one line per collection when it is done. */
export function collectionProgressPrinter(verb: string): (progress: CollectionProgress) => void {
  let bar: SingleBar | undefined;
  let current = '';
  return (progress) => {
    if (process.stdout.isTTY && progress.collection !== current) {
      bar = new SingleBar({ format: `  {collection} [{bar}] {value}/{total}`, clearOnComplete: true }, Presets.shades_classic);
      bar.start(Math.max(progress.total, progress.documents), 0, { collection: progress.collection });
    }
    current = progress.collection;
    if (bar) {
      bar.setTotal(Math.max(progress.total, progress.documents));
      bar.update(progress.documents);
    }
    if (progress.done) {
      bar?.stop();
      bar = undefined;
      current = '';
      process.stdout.write(`  ${progress.collection}: ${progress.documents} document(s) ${verb}\n`);
    }
  };
}
