import { lotIdOf } from '../../model/src';
import { custodyEvent, lotRegistration, Places, scenarioClock } from './coldchainFixtures';
import { api, onboardEnterprise, type OnboardedEnterprise } from './gatewayClient';
import { uniqueId } from './testNetwork';

/** A lot that passed through `hops` hands: created by an importer, then shipped and received hop by hop. */
export interface HandedLot {
  lotId: string;
  holders: OnboardedEnterprise[];
}

async function posted(who: OnboardedEnterprise, route: string, body: unknown): Promise<void> {
  const answer = await api(route, { token: who.token, idempotencyKey: uniqueId('pack'), body });
  if (answer.status !== 201) throw new Error(`${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Creates a lot and moves it through `hops` custody hand-offs (a shipment and its receipt each) through the gateway. */
export async function lotThroughHands(hops: number): Promise<HandedLot> {
  const at = scenarioClock();
  const holders = [await onboardEnterprise('custodial', ['importer'])];
  for (let i = 0; i < hops; i++) holders.push(await onboardEnterprise('custodial', ['coldStore']));
  const registration = lotRegistration();
  const lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
  await posted(holders[0], '/coldchain/lots', registration);
  for (let hop = 0; hop < hops; hop++) {
    const place = hop === 0 ? Places.ningboPort : Places.hangzhouColdStore;
    await posted(holders[hop], '/coldchain/custody', custodyEvent('ship', lotId, at(hop * 4), place, { to: holders[hop + 1].id, quantity: 1000 }));
    await posted(holders[hop + 1], '/coldchain/custody', custodyEvent('receive', lotId, at(hop * 4 + 3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 }));
  }
  return { lotId, holders };
}
