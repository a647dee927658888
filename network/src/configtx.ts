import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { CHANNEL_NAME } from '../../model/src';
import { HOST, type NetworkLayout, type OrgLayout } from './layout';
import { run } from './processes';
import { binary } from './tools';

/** The orderer's block-cutting settings, as configtx.yaml spells them. */
export interface BlockCutting {
  BatchTimeout: string;
  BatchSize: { MaxMessageCount: number; AbsoluteMaxBytes: string; PreferredMaxBytes: string };
}

/**
 * Block cutting. The samples' 2 s / 10-message blocks starve throughput; a lone transaction waits up to
 * BatchTimeout, so 250 ms keeps single-write latency low while 1,000 messages or 4 MB per block let a
 * loaded orderer cut large blocks. PreferredMaxBytes also bounds the size of blocks holding batched
 * events; AbsoluteMaxBytes stays far below the 100 MB gRPC limit. docs/performance.md has the measured
 * effect of each (scripts/bench/blocks.ts).
 */
export const BLOCK_CUTTING: BlockCutting = {
  BatchTimeout: '250ms',
  BatchSize: { MaxMessageCount: 1000, AbsoluteMaxBytes: '16 MB', PreferredMaxBytes: '4 MB' },
};

/**
 * The settings a new channel gets: BLOCK_CUTTING, each overridable for benchmarks by
 * TRACELEDGER_BATCH_TIMEOUT (e.g. `100ms`), TRACELEDGER_MAX_MESSAGE_COUNT (e.g. `100`) and
 * TRACELEDGER_PREFERRED_MAX_BYTES (e.g. `512 KB`). They apply when the channel is created, so a
 * running network keeps the settings it was created with (`npm run reset` to change them).
 */
export function blockCutting(env: NodeJS.ProcessEnv = process.env): BlockCutting {
  const count = env.TRACELEDGER_MAX_MESSAGE_COUNT ? Number.parseInt(env.TRACELEDGER_MAX_MESSAGE_COUNT, 10) : BLOCK_CUTTING.BatchSize.MaxMessageCount;
  if (!Number.isInteger(count) || count < 1) {
    throw new Error('TRACELEDGER_MAX_MESSAGE_COUNT must be a positive whole number');
  }
  const timeout = env.TRACELEDGER_BATCH_TIMEOUT ?? BLOCK_CUTTING.BatchTimeout;
  if (!/^\d+(ms|s)$/.test(timeout)) {
    throw new Error('TRACELEDGER_BATCH_TIMEOUT must be a duration such as 250ms or 1s');
  }
  const preferred = env.TRACELEDGER_PREFERRED_MAX_BYTES ?? BLOCK_CUTTING.BatchSize.PreferredMaxBytes;
  if (!/^\d+ ?(KB|MB)$/.test(preferred)) {
    throw new Error('TRACELEDGER_PREFERRED_MAX_BYTES must be a size such as 512 KB or 2 MB');
  }
  return { BatchTimeout: timeout, BatchSize: { ...BLOCK_CUTTING.BatchSize, MaxMessageCount: count, PreferredMaxBytes: preferred.replace(/(\d)(KB|MB)/, '$1 $2') } };
}

const signature = (rule: string): { Type: string; Rule: string } => ({ Type: 'Signature', Rule: rule });
const implicit = (rule: string): { Type: string; Rule: string } => ({ Type: 'ImplicitMeta', Rule: rule });

function peerOrg(layout: NetworkLayout, org: OrgLayout): object {
  const peer = layout.peerOf(org);
  return {
    Name: org.name,
    ID: org.mspId,
    MSPDir: org.mspDir,
    Policies: {
      Readers: signature(`OR('${org.mspId}.admin', '${org.mspId}.peer', '${org.mspId}.client')`),
      Writers: signature(`OR('${org.mspId}.admin', '${org.mspId}.client')`),
      Admins: signature(`OR('${org.mspId}.admin')`),
      Endorsement: signature(`OR('${org.mspId}.peer')`),
    },
    AnchorPeers: [{ Host: HOST, Port: peer.port }],
  };
}

/** The channel profile: 3 Raft orderers, three peer orgs, MAJORITY endorsement, no system channel. */
export function channelProfile(layout: NetworkLayout): object {
  const ordererOrg = layout.orgs.orderer;
  return {
    Profiles: {
      TraceLedgerChannel: {
        Capabilities: { V2_0: true },
        Policies: {
          Readers: implicit('ANY Readers'),
          Writers: implicit('ANY Writers'),
          Admins: implicit('MAJORITY Admins'),
        },
        Orderer: {
          OrdererType: 'etcdraft',
          Addresses: [],
          ...blockCutting(),
          EtcdRaft: {
            // Fabric 2.5.0's Raft chain can deadlock when a restart replays the channel's initial
            // membership (ConfChange) entries from the WAL (chain.apply waits on WALSyncC while
            // node.run waits on applyC). Snapshotting after every ~1 KB of blocks means a restart
            // always starts from a snapshot past those entries. Snapshots hold only the last block.
            Options: { TickInterval: '500ms', ElectionTick: 10, HeartbeatTick: 1, MaxInflightBlocks: 5, SnapshotIntervalSize: '1 KB' },
            Consenters: layout.orderers.map((o) => ({
              Host: HOST,
              Port: o.port,
              ClientTLSCert: path.join(o.tlsDir, 'server.crt'),
              ServerTLSCert: path.join(o.tlsDir, 'server.crt'),
            })),
          },
          Organizations: [
            {
              Name: ordererOrg.name,
              ID: ordererOrg.mspId,
              MSPDir: ordererOrg.mspDir,
              Policies: {
                Readers: signature(`OR('${ordererOrg.mspId}.member')`),
                Writers: signature(`OR('${ordererOrg.mspId}.member')`),
                Admins: signature(`OR('${ordererOrg.mspId}.admin')`),
              },
              OrdererEndpoints: layout.orderers.map((o) => o.address),
            },
          ],
          Policies: {
            Readers: implicit('ANY Readers'),
            Writers: implicit('ANY Writers'),
            Admins: implicit('MAJORITY Admins'),
            BlockValidation: implicit('ANY Writers'),
          },
          Capabilities: { V2_0: true },
        },
        Application: {
          Organizations: layout.peerOrgs().map((org) => peerOrg(layout, org)),
          Policies: {
            Readers: implicit('ANY Readers'),
            Writers: implicit('ANY Writers'),
            Admins: implicit('MAJORITY Admins'),
            LifecycleEndorsement: implicit('MAJORITY Endorsement'),
            Endorsement: implicit('MAJORITY Endorsement'),
          },
          Capabilities: { V2_5: true },
        },
      },
    },
  };
}

/** Writes configtx.yaml and the channel's genesis block (anchor peers included). */
export async function createChannelBlock(layout: NetworkLayout): Promise<void> {
  const dir = path.join(layout.configDir, 'configtx');
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.dirname(layout.channelBlock), { recursive: true });
  fs.writeFileSync(path.join(dir, 'configtx.yaml'), YAML.stringify(channelProfile(layout)));
  await run(binary('configtxgen'), ['-profile', 'TraceLedgerChannel', '-outputBlock', layout.channelBlock, '-channelID', CHANNEL_NAME], {
    FABRIC_CFG_PATH: dir,
  });
}
