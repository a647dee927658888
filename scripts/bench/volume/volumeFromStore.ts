import type { Connection } from 'mongoose';
import { ledgerModels } from '../../../gateway/src/projection/models';
import type { GeneratedVolume } from '../generate';

/**
 * The generated volume as the projection holds it, for a volume network whose generation did not
 * finish (no saved lot list): every projected lot, lineage roots (lots split from, themselves from
 * none) and leaves (lots made from others that went on to none), and the custody events the cold-chain
 * projection counted. One pass over each lot's newest journey.
 */
export async function volumeFromStore(store: Connection, custodyEvents: number): Promise<GeneratedVolume> {
  const volume: GeneratedVolume = { lots: 0, custodyEvents, splits: 0, merges: 0, transactions: 0, seconds: 0, lineageRoots: [], lineageLeaves: [], allLots: [] };
  for await (const journey of ledgerModels(store).journeys.all(5000)) {
    volume.allLots.push(journey._id);
    const parents = journey.parents.length;
    const children = journey.children.length;
    if (parents === 0) volume.lots++;
    if (parents === 0 && children > 0) volume.lineageRoots.push(journey._id);
    if (parents > 0 && children === 0) volume.lineageLeaves.push(journey._id);
  }
  return volume;
}
