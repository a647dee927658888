import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, TOOLS_BIN } from './layout';
import { run } from './processes';
import { step } from './progress';

interface ToolVersions {
  fabric: { release: string; commit: string; goVersion: string; module: string; toolsModule: string };
  fabricCa: { release: string; toolsModule: string };
  ferretdb: { release: string; toolsModule: string };
  goMinimum: string;
}

export const VERSIONS_FILE = path.join(REPO_ROOT, 'network', 'versions.json');
export const TOOLS_CONFIG_DIR = path.join(REPO_ROOT, '.tools', 'config');
const STAMP_FILE = path.join(REPO_ROOT, '.tools', 'stamp');

export const BINARIES = [
  'peer',
  'orderer',
  'configtxgen',
  'configtxlator',
  'osnadmin',
  'fabric-ca-server',
  'fabric-ca-client',
  'ferretdb',
] as const;
export type Binary = (typeof BINARIES)[number];

export function binary(name: Binary): string {
  return path.join(TOOLS_BIN, name);
}

export function readVersions(): ToolVersions {
  return JSON.parse(fs.readFileSync(VERSIONS_FILE, 'utf8')) as ToolVersions;
}

/** A hash of everything that decides what the tools are; a change rebuilds them. */
function toolsFingerprint(versions: ToolVersions): string {
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(VERSIONS_FILE));
  for (const module of [versions.fabric.toolsModule, versions.fabricCa.toolsModule, versions.ferretdb.toolsModule]) {
    for (const file of fs.readdirSync(path.join(REPO_ROOT, module)).sort()) {
      hash.update(file).update(fs.readFileSync(path.join(REPO_ROOT, module, file)));
    }
  }
  return hash.digest('hex');
}

/**
 * Builds Fabric, Fabric CA and FerretDB from the Go module proxy into `.tools/bin` when they are
 * missing or their pinned versions changed, and copies Fabric's default node configuration. Cached:
 * a second call with nothing changed returns at once.
 */
export async function installTools(): Promise<void> {
  const versions = readVersions();
  const fingerprint = toolsFingerprint(versions);
  const complete =
    BINARIES.every((name) => fs.existsSync(binary(name))) &&
    fs.existsSync(path.join(TOOLS_CONFIG_DIR, 'core.yaml')) &&
    fs.existsSync(STAMP_FILE) &&
    fs.readFileSync(STAMP_FILE, 'utf8') === fingerprint;
  if (complete) {
    step('tools', `Fabric ${versions.fabric.release}, Fabric CA ${versions.fabricCa.release}, FerretDB ${versions.ferretdb.release} already built in .tools/bin`);
    return;
  }
  await checkGo(versions.goMinimum);
  fs.mkdirSync(TOOLS_BIN, { recursive: true });

  const fabricMetadata = 'github.com/hyperledger/fabric/common/metadata';
  step('tools', `building Fabric ${versions.fabric.release} (${versions.fabric.commit}): peer, orderer, configtxgen, configtxlator, osnadmin — a few minutes the first time`);
  await goBuild(versions.fabric.toolsModule, ['install', `-ldflags=-X ${fabricMetadata}.Version=${versions.fabric.release.slice(1)} -X ${fabricMetadata}.CommitSHA=${versions.fabric.commit}`, 'tool']);
  step('tools', `building Fabric CA ${versions.fabricCa.release}: fabric-ca-server, fabric-ca-client`);
  await goBuild(versions.fabricCa.toolsModule, ['install', 'tool']);
  step('tools', `building FerretDB ${versions.ferretdb.release} (SQLite backend)`);
  await goBuild(versions.ferretdb.toolsModule, ['build', '-o', binary('ferretdb'), '.']);

  const fabricDir = await moduleDir(versions.fabric.toolsModule, `${versions.fabric.module}@${versions.fabric.goVersion}`);
  fs.mkdirSync(TOOLS_CONFIG_DIR, { recursive: true });
  for (const file of ['core.yaml', 'orderer.yaml']) {
    fs.copyFileSync(path.join(fabricDir, 'sampleconfig', file), path.join(TOOLS_CONFIG_DIR, file));
    fs.chmodSync(path.join(TOOLS_CONFIG_DIR, file), 0o644);
  }
  fs.writeFileSync(STAMP_FILE, fingerprint);
  step('tools', `installed ${BINARIES.join(', ')} into .tools/bin`);
}

async function checkGo(minimum: string): Promise<void> {
  let version: string;
  try {
    version = await run('go', ['env', 'GOVERSION']);
  } catch {
    throw new Error(`Go ${minimum} or newer is needed to build Fabric and FerretDB, and no 'go' command was found on PATH`);
  }
  const found = version.trim().replace(/^go/, '');
  if (compareVersions(found, minimum) < 0) {
    throw new Error(`Go ${minimum} or newer is needed to build Fabric and FerretDB; found ${found}`);
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) {
      return d;
    }
  }
  return 0;
}

/** Runs `go` in a tools module with its output shown, so a long first build visibly progresses. */
function goBuild(module: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('go', args, {
      cwd: path.join(REPO_ROOT, module),
      env: { ...process.env, GOBIN: TOOLS_BIN, CGO_ENABLED: '1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`go ${args.join(' ')} in ${module} failed with exit code ${code}`)),
    );
  });
}

async function moduleDir(toolsModule: string, moduleAtVersion: string): Promise<string> {
  const output = await run('go', ['mod', 'download', '-json', moduleAtVersion], undefined, path.join(REPO_ROOT, toolsModule));
  const info = JSON.parse(output) as { Dir?: string; Error?: string };
  if (!info.Dir) {
    throw new Error(`go mod download ${moduleAtVersion} failed: ${info.Error ?? 'no folder reported'}`);
  }
  return info.Dir;
}
