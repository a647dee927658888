import { idempotencyKey, type ExampleCall } from '../exampleCall';
import { BATCH_LOTS, CHILD_LOT, DICED_LOT, GTIN, LOT, MERGED_LOT, place } from './story';

/** At the port the importer splits, dices and merges lots; the regulator quarantines one for a while. */
export const lineageExamples: readonly ExampleCall[] = [
  {
    title: 'Split 50 cartons off the lot',
    method: 'post', path: '/coldchain/lots/split', caller: 'importer', headers: idempotencyKey('split'),
    body: { eventId: 'split-{run}', lotId: LOT, eventTime: '{splitAt}', location: place('ningboPort'), children: [{ lotNumber: 'LAMB-{run}-A', quantity: 50 }] },
    status: 201,
    response: {
      result: {
        lots: [{ id: LOT, quantityOnHand: 150, quantityToChildren: 50 }, { id: CHILD_LOT, parents: [LOT], quantityOnHand: 50 }],
        lineage: [{ parentId: LOT, childId: CHILD_LOT, kind: 'split', quantity: 50 }],
      },
    },
  },
  {
    title: 'Dice the 50 cartons into 220 kg of lamb under the importer\'s own brand',
    method: 'post', path: '/coldchain/lots/transform', caller: 'importer', headers: idempotencyKey('dice'),
    body: {
      eventId: 'dice-{run}',
      eventTime: '{transformedAt}',
      location: place('ningboPort'),
      inputs: [{ lotId: CHILD_LOT, quantity: 50 }],
      outputs: [
        { gtin: '{brandGtin}', lotNumber: 'DICE-{run}', product: 'Diced lamb', category: 'frozen', quantity: 220, unit: 'kg', productionDate: '{transformedOn}', expiryDate: '{dicedExpiresOn}' },
      ],
    },
    status: 201, response: { result: { lots: [{ id: DICED_LOT, ownerId: '{importerId}', parents: [CHILD_LOT], quantityOnHand: 220, unit: 'kg' }] } },
  },
  {
    title: 'Merge the two batch lots into one',
    method: 'post', path: '/coldchain/lots/merge', caller: 'importer', headers: idempotencyKey('merge'),
    body: { eventId: 'merge-{run}', lotIds: [...BATCH_LOTS], child: { gtin: GTIN, lotNumber: 'LAMB-{run}-M' }, eventTime: '{mergedAt}', location: place('ningboPort') },
    status: 201, response: { result: { lots: [{ id: MERGED_LOT, parents: [...BATCH_LOTS], quantityOnHand: 200 }] } },
  },
  {
    title: 'A lineage link whose figures are right has nothing to correct',
    method: 'post', path: '/coldchain/lineage/corrections', caller: 'importer', headers: idempotencyKey('correct-split'),
    body: { parentId: LOT, childId: CHILD_LOT },
    status: 409, response: { title: 'Conflict', detail: `nothing to correct: the split link from lot ${LOT} to lot ${CHILD_LOT} already says 50 carton` },
  },
  {
    title: 'The regulator quarantines the merged lot while samples are tested',
    method: 'post', path: '/coldchain/lots/{lotId}/hold', params: { lotId: MERGED_LOT }, caller: 'regulator', headers: idempotencyKey('quarantine'),
    body: { state: 'quarantined', reason: 'Sampling for Listeria at the port' },
    status: 201, response: { result: { lots: [{ id: MERGED_LOT, hold: { state: 'quarantined', setBy: 'regulator:regulator-{run}' } }] } },
  },
  {
    title: 'The samples are clear: the regulator lifts the quarantine',
    method: 'post', path: '/coldchain/lots/{lotId}/hold/lift', params: { lotId: MERGED_LOT }, caller: 'regulator', headers: idempotencyKey('lift-quarantine'),
    body: { reason: 'Samples tested negative' },
    status: 201, response: { result: { lots: [{ id: MERGED_LOT, liftedHold: { state: 'quarantined', liftReason: 'Samples tested negative' } }] } },
  },
];
