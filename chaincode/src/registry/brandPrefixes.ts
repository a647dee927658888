import type { Context } from 'fabric-contract-api';
import { forbidden, gtinPrefixCandidates, type Enterprise, type PrefixAssignment, type PrefixDelegation, type PrefixKind } from '../../../model/src';
import { KeyTypes, ledgerKey } from '../common/keys';
import { readRecord } from '../common/state';

export const companyPrefixKey = (ctx: Context, kind: PrefixKind, prefix: string): string => ledgerKey(ctx, KeyTypes.companyPrefix, kind, prefix);
export const prefixDelegationKey = (ctx: Context, kind: PrefixKind, prefix: string, delegateId: string): string =>
  ledgerKey(ctx, KeyTypes.prefixDelegation, kind, prefix, delegateId);

/** What else lets a maker use a GTIN no enterprise here owns: an imported lot's customs declaration. */
export interface ForeignBrandImport {
  lotType: string;
  customsDeclarationNumber?: string;
}

/**
 * Who may make items under which GTIN, for one transaction: the prefix's owner, an enterprise the
 * owner delegated the prefix to, and — for a GTIN whose prefix nobody on the platform owns (a foreign
 * brand) — a registered importer creating an imported lot with its customs declaration number.
 * Lookups are remembered, so a batch of a thousand lots of one GTIN reads its prefix keys once.
 */
export class GtinUse {
  readonly #owners = new Map<string, Promise<PrefixAssignment | undefined>>();
  readonly #delegations = new Map<string, Promise<PrefixDelegation | undefined>>();

  constructor(private readonly ctx: Context) {}

  /** The assignment a GTIN falls under: the longest assigned prefix it starts with. */
  ownership(gtin: string): Promise<PrefixAssignment | undefined> {
    let owner = this.#owners.get(gtin);
    if (!owner) {
      owner = (async () => {
        for (const prefix of gtinPrefixCandidates(gtin)) {
          const assignment = await readRecord<PrefixAssignment>(this.ctx, companyPrefixKey(this.ctx, 'gtin', prefix));
          if (assignment) return assignment;
        }
        return undefined;
      })();
      this.#owners.set(gtin, owner);
    }
    return owner;
  }

  /** Refuses a maker who may not `what` (e.g. "create lot …") under this GTIN, saying what would be allowed. */
  async require(maker: Enterprise, gtin: string, what: string, foreign?: ForeignBrandImport): Promise<void> {
    const owner = await this.ownership(gtin);
    if (owner) {
      if (owner.enterpriseId === maker.id || (await this.#delegation(owner.prefix, maker.id))) return;
      throw forbidden(`GTIN ${gtin} belongs to enterprise ${owner.enterpriseId} (company prefix ${owner.prefix}); ${maker.id} may ${what} only under its own prefixes or with a delegation that owner records`);
    }
    if (foreign?.lotType === 'imported' && maker.kinds.includes('importer') && foreign.customsDeclarationNumber) return;
    throw forbidden(
      `no enterprise on the platform owns the company prefix of GTIN ${gtin}; only a registered importer may use a foreign brand's GTIN, for an imported lot with its customsDeclarationNumber (to ${what} under your own brand, ask the platform admin to assign your GS1 company prefix)`,
    );
  }

  #delegation(prefix: string, delegateId: string): Promise<PrefixDelegation | undefined> {
    const key = `${prefix}|${delegateId}`;
    let found = this.#delegations.get(key);
    if (!found) {
      found = readRecord<PrefixDelegation>(this.ctx, prefixDelegationKey(this.ctx, 'gtin', prefix, delegateId));
      this.#delegations.set(key, found);
    }
    return found;
  }
}
