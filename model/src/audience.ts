/**
 * Who a read is for. Every read of the ledger or the projection has one, and each domain declares
 * once what each audience sees of its records (see `coldchain/lotAudiences.ts`), so the chaincode's
 * evaluate functions, the gateway's routes and the resolver cut records the same way.
 *
 * - `public`: anyone, a consumer scanning a code included.
 * - `party`: an enterprise named in the record (for a lot: its owner, custodian and every enterprise
 *   its custody passed through; for a trace event: the enterprise that recorded it).
 * - `regulator`: a market regulator or the platform admin. Its reads of what the public does not see
 *   are written to an audit log by whoever serves them.
 */
export const Audiences = ['public', 'party', 'regulator'] as const;
export type Audience = (typeof Audiences)[number];

/**
 * What each audience sees of one kind of record `T`: the public a view `P` of it, a party that view
 * or the whole (a domain may keep some of a record from parties), a regulator always the whole.
 */
export interface AudienceViews<T, P> {
  readonly public: (record: T) => P;
  readonly party: (record: T) => T | P;
  readonly regulator: (record: T) => T;
}

/**
 * The views of a record whose parties and regulators see it whole, and the public `publicView` of it.
 *
 * @example
 * const alertViews = publicViewOnly((alert: RiskAlert) => ({ kind: alert.kind }));
 */
export function publicViewOnly<T, P>(publicView: (record: T) => P): AudienceViews<T, P> {
  return { public: publicView, party: (record) => record, regulator: (record) => record };
}

/**
 * A record as `audience` sees it, by the domain's declaration.
 *
 * @example
 * asSeenBy(LotAudiences.lot, 'public', lot) // the lot without quantities, documents or exact times
 */
export function asSeenBy<T, P>(views: AudienceViews<T, P>, audience: Audience, record: T): T | P {
  return views[audience](record);
}

/** Whether `audience` sees more than the public does: such reads by a regulator are audited. */
export function seesBeyondPublic(audience: Audience): boolean {
  return audience !== 'public';
}

/**
 * The audience of a reader named `readerId` (an enterprise id, or undefined for anyone else) of a
 * record whose parties are `parties`, when the reader is not a regulator.
 *
 * @example
 * partyOrPublic('91350100M000100Y43', ['91350100M000100Y43']) // 'party'
 */
export function partyOrPublic(readerId: string | undefined, parties: Iterable<string>): 'party' | 'public' {
  if (readerId === undefined) return 'public';
  for (const party of parties) {
    if (party === readerId) return 'party';
  }
  return 'public';
}

/**
 * The day of a time as written at the place it happened: the date part of an ISO 8601 time, so
 * `2026-11-29T23:30:00+08:00` is the 29th, as the site saw it, not the 29th in UTC.
 *
 * @example
 * dayOf('2026-11-29T08:30:00+08:00') // '2026-11-29'
 */
export function dayOf(time: string): string {
  return time.slice(0, 10);
}

/**
 * The city of a 6-digit administrative region code (GB/T 2260: province, city, county, two digits
 * each): the county digits set to 00. A municipality's districts come out as the municipality.
 *
 * @example
 * cityRegionOf('330109') // '330100' (Hangzhou, for Xiaoshan)
 */
export function cityRegionOf(region: string): string {
  return `${region.slice(0, 4)}00`;
}
