import fs from 'node:fs';
import { CHANNEL_NAME } from '../../model/src';
import { osnadmin, peerCli } from './admin';
import { createChannelBlock } from './configtx';
import type { NetworkLayout } from './layout';
import { isPortOpen, waitFor } from './processes';
import { step } from './progress';

/** Right after joining, Raft has no leader for a few seconds; orderers' metrics tell when one is elected. */
export async function waitForRaftLeader(layout: NetworkLayout): Promise<void> {
  const leaderLine = `consensus_etcdraft_is_leader{channel="${CHANNEL_NAME}"} 1`;
  await waitFor(
    `a Raft leader on channel ${CHANNEL_NAME}`,
    async () => {
      for (const orderer of layout.orderers) {
        const metrics = await fetch(`http://127.0.0.1:${orderer.operationsPort}/metrics`).then((r) => r.text()).catch(() => '');
        if (metrics.includes(leaderLine)) {
          return orderer.name;
        }
      }
      return undefined;
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
}

interface ChannelInfo {
  name: string;
  status: string;
  consensusRelation: string;
  height: number;
}

async function ordererChannel(layout: NetworkLayout, index: number): Promise<ChannelInfo | undefined> {
  // The admin endpoint opens after the operations endpoint the start waits for: a list sent before
  // it is up would read as "not joined" and the join would be refused (seen right after npm stop).
  const orderer = layout.orderers[index];
  await waitFor(`${orderer.name} admin endpoint`, async () => ((await isPortOpen(orderer.adminPort)) ? true : undefined), { timeoutMs: 30_000, intervalMs: 200 });
  const output = await osnadmin(layout, index, ['channel', 'list', '--channelID', CHANNEL_NAME]).catch(() => undefined);
  if (!output) {
    return undefined;
  }
  // osnadmin exits 0 on a 404 too; only a body naming the channel means the orderer has joined it.
  const info = JSON.parse(output.slice(output.indexOf('{'))) as Partial<ChannelInfo>;
  return info.name === CHANNEL_NAME ? (info as ChannelInfo) : undefined;
}

/**
 * Creates the channel when it does not exist yet: genesis block from configtxgen, joined by every
 * orderer through osnadmin (no system channel), then by every peer. Waits for a Raft leader instead
 * of sleeping. Skips whatever is already done, so a restart does nothing here.
 */
export async function ensureChannel(layout: NetworkLayout): Promise<void> {
  if (!fs.existsSync(layout.channelBlock)) {
    step('channel', `creating genesis block of channel ${CHANNEL_NAME}`);
    await createChannelBlock(layout);
  }
  for (let i = 0; i < layout.orderers.length; i++) {
    if (!(await ordererChannel(layout, i))) {
      step('channel', `${layout.orderers[i].name} joins ${CHANNEL_NAME}`);
      await osnadmin(layout, i, ['channel', 'join', '--channelID', CHANNEL_NAME, '--config-block', layout.channelBlock]);
    }
  }
  await waitForRaftLeader(layout);
  for (const peer of layout.peers) {
    const joined = await peerCli(layout, peer, ['channel', 'list']);
    if (!joined.split('\n').includes(CHANNEL_NAME)) {
      step('channel', `${peer.org.name} peer joins ${CHANNEL_NAME}`);
      await peerCli(layout, peer, ['channel', 'join', '-b', layout.channelBlock]);
    }
  }
}
