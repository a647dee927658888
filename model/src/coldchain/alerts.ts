import { SupplyChainAlertKinds } from '../supplychain/alerts';

/** Alerts only the cold chain raises: its temperature readings and entry documents. */
export const ColdChainAlertKinds = ['excursion', 'documentAfterRelease', 'temperatureGap'] as const;

/** Every kind of alert a cold-chain lot can carry. */
export const AlertKinds = [...SupplyChainAlertKinds, ...ColdChainAlertKinds] as const;
export type AlertKind = (typeof AlertKinds)[number];
