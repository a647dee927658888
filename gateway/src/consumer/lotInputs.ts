import type { ColdChainLot, CustodyRecord, DerivationKind, LineageLink } from '../../../model/src';
import type { ColdChainJourney } from '../projection/coldchain';

/**
 * Direct parents whose journeys a derived lot's page reads: one `_id` lookup each, so a merge of
 * many lots costs a bounded number of reads; the rest are counted, and each parent's page shows its
 * own inputs in turn.
 */
export const MAX_INPUT_LOTS = 10;

/** A lot another was made from, as a shopper sees it: what it was, where from, and its custody until then. */
export interface LotInput {
  lotId: string;
  kind: DerivationKind;
  /** Absent when the parent's journey is not projected (yet): the page still names and links it. */
  lot?: Pick<ColdChainLot, 'gtin' | 'lotNumber' | 'product' | 'producer' | 'originCountry'>;
  /** The parent's custody up to and including the derivation that made this lot. */
  custody: CustodyRecord[];
}

/** The inputs of a lot and how many more parents it has than were read. */
export interface LotInputs {
  inputs: LotInput[];
  moreInputs: number;
}

/** A journey document by lot id, or undefined when none is projected. */
export type JourneyReader = (lotId: string) => Promise<ColdChainJourney | undefined>;

/** The parents' links of a lot, one per parent (the latest derivation, should a parent feed it twice). */
function parentLinks(journey: Pick<ColdChainJourney, 'parents'>): LineageLink[] {
  const byParent = new Map<string, LineageLink>();
  for (const link of journey.parents) {
    const known = byParent.get(link.parentId);
    if (!known || Date.parse(link.eventTime) >= Date.parse(known.eventTime)) byParent.set(link.parentId, link);
  }
  return [...byParent.values()];
}

/**
 * What the parent's custody says about this child: its log up to the derivation's own entry; later
 * entries are about what was left of the parent. By log position, not time: a lot's creation
 * carries the ledger's time, a derivation the time its recorder states, which may be earlier.
 * Only when the log lacks the entry does time decide.
 */
function custodyUntil(custody: readonly CustodyRecord[], link: LineageLink): CustodyRecord[] {
  const at = custody.findIndex((e) => e.eventId === link.eventId);
  if (at >= 0) return custody.slice(0, at + 1);
  const until = Date.parse(link.eventTime);
  return custody.filter((e) => Date.parse(e.eventTime) <= until);
}

/** The input of one parent link, from the parent's journey if projected. */
export function lotInputOf(link: LineageLink, parent: ColdChainJourney | undefined): LotInput {
  if (!parent?.lot) return { lotId: link.parentId, kind: link.kind, custody: [] };
  const { gtin, lotNumber, product, producer, originCountry } = parent.lot;
  return { lotId: link.parentId, kind: link.kind, lot: { gtin, lotNumber, product, producer, originCountry }, custody: custodyUntil(parent.custody, link) };
}

/** Reads the direct parents of a lot (at most {@link MAX_INPUT_LOTS}) and says where its inputs came from. */
export async function readLotInputs(journey: Pick<ColdChainJourney, 'parents'>, read: JourneyReader): Promise<LotInputs> {
  const links = parentLinks(journey);
  const shown = links.slice(0, MAX_INPUT_LOTS);
  const parents = await Promise.all(shown.map((link) => read(link.parentId)));
  return { inputs: shown.map((link, i) => lotInputOf(link, parents[i])), moreInputs: links.length - shown.length };
}
