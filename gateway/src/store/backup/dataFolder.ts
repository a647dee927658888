import fs from 'node:fs';
import path from 'node:path';

/**
 * The files of the gateway's data folder, as `/`-separated paths relative to it, sorted: the token
 * signing key, the trace-code keyring, the custodial key vault (master key and sealed keys), the scan
 * salt and unfinished enrolments. All of it is secret, none of it can be rebuilt (a lost code key
 * orphans every label it signed), so a backup takes the whole folder rather than a list that new
 * keys would outgrow. Symbolic links are not followed: they would lead out of the folder.
 *
 * @example
 * dataFolderFiles('.state/dev/gateway') // ['code-keys/code-AbCdEf12.pem', 'code-keys/current', 'custodial-keys/master.key', …]
 */
export function dataFolderFiles(dataDir: string): string[] {
  if (!fs.existsSync(dataDir)) return [];
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(dataDir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

/** Writes a secret file (0600) with its folders (0700), as the gateway itself writes its keys. */
export function writeSecretFile(file: string, content: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, content, { mode: 0o600 });
  // An existing file keeps its mode through writeFileSync: make sure it is private too.
  fs.chmodSync(file, 0o600);
}
