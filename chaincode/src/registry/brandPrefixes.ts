import type { Context } from 'fabric-contract-api';
import { forbidden, giaiPrefixCandidates, gtinPrefixCandidates, type Enterprise, type PrefixAssignment, type PrefixDelegation, type PrefixKind } from '../../../model/src';
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
 * Who owns and who may use the company prefixes of one kind, for one transaction. Lookups are
 * remembered, so a batch of a thousand items of one prefix reads its keys once.
 */
class PrefixHolders {
  readonly #owners = new Map<string, Promise<PrefixAssignment | undefined>>();
  readonly #delegations = new Map<string, Promise<PrefixDelegation | undefined>>();

  constructor(
    private readonly ctx: Context,
    private readonly kind: PrefixKind,
    private readonly candidatesOf: (id: string) => string[],
  ) {}

  /** The assignment an identifier falls under: the longest assigned prefix it starts with. */
  ownership(id: string): Promise<PrefixAssignment | undefined> {
    let owner = this.#owners.get(id);
    if (!owner) {
      owner = (async () => {
        for (const prefix of this.candidatesOf(id)) {
          const assignment = await readRecord<PrefixAssignment>(this.ctx, companyPrefixKey(this.ctx, this.kind, prefix));
          if (assignment) return assignment;
        }
        return undefined;
      })();
      this.#owners.set(id, owner);
    }
    return owner;
  }

  /** Whether `enterpriseId` owns the prefix or holds the owner's delegation of it. */
  async mayUse(owner: PrefixAssignment, enterpriseId: string): Promise<boolean> {
    if (owner.enterpriseId === enterpriseId) return true;
    const key = `${owner.prefix}|${enterpriseId}`;
    let found = this.#delegations.get(key);
    if (!found) {
      found = readRecord<PrefixDelegation>(this.ctx, prefixDelegationKey(this.ctx, this.kind, owner.prefix, enterpriseId));
      this.#delegations.set(key, found);
    }
    return (await found) !== undefined;
  }
}

/**
 * Who may make items under which GTIN, for one transaction: the prefix's owner, an enterprise the
 * owner delegated the prefix to, and — for a GTIN whose prefix nobody on the platform owns (a foreign
 * brand) — a registered importer creating an imported lot with its customs declaration number.
 */
export class GtinUse {
  readonly #holders: PrefixHolders;

  constructor(ctx: Context) {
    this.#holders = new PrefixHolders(ctx, 'gtin', gtinPrefixCandidates);
  }

  /** The assignment a GTIN falls under: the longest assigned prefix it starts with. */
  ownership(gtin: string): Promise<PrefixAssignment | undefined> {
    return this.#holders.ownership(gtin);
  }

  /** Refuses a maker who may not `what` (e.g. "create lot …") under this GTIN, saying what would be allowed. */
  async require(maker: Enterprise, gtin: string, what: string, foreign?: ForeignBrandImport): Promise<void> {
    const owner = await this.ownership(gtin);
    if (owner) {
      if (await this.#holders.mayUse(owner, maker.id)) return;
      throw forbidden(`GTIN ${gtin} belongs to enterprise ${owner.enterpriseId} (company prefix ${owner.prefix}); ${maker.id} may ${what} only under its own prefixes or with a delegation that owner records`);
    }
    if (foreign?.lotType === 'imported' && maker.kinds.includes('importer') && foreign.customsDeclarationNumber) return;
    throw forbidden(
      `no enterprise on the platform owns the company prefix of GTIN ${gtin}; only a registered importer may use a foreign brand's GTIN, for an imported lot with its customsDeclarationNumber (to ${what} under your own brand, ask the platform admin to assign your GS1 company prefix)`,
    );
  }
}

/**
 * Who may name an asset (a lift's car code) by a GIAI: the owner of the GIAI's company prefix, or an
 * enterprise the owner delegated it to. Unlike a GTIN there is no foreign-brand way in: an asset's
 * identifier is issued by whoever runs the asset, so a GIAI under nobody's prefix is refused, and a
 * rival's prefix cannot be used to take over the car code a passenger scans.
 */
export class GiaiUse {
  readonly #holders: PrefixHolders;

  constructor(ctx: Context) {
    this.#holders = new PrefixHolders(ctx, 'giai', giaiPrefixCandidates);
  }

  /** Refuses `holderId` naming an asset by this GIAI, prefixing the reason with `field`. */
  async require(holderId: string, giai: string, field: string, what: string): Promise<void> {
    const owner = await this.#holders.ownership(giai);
    if (!owner) {
      throw forbidden(`${field}: no enterprise on the platform owns the GS1 company prefix of GIAI ${giai}; to ${what}, ask the platform admin to assign your GIAI company prefix (kind giai)`);
    }
    if (await this.#holders.mayUse(owner, holderId)) return;
    throw forbidden(`${field}: GIAI ${giai} lies under company prefix ${owner.prefix} of enterprise ${owner.enterpriseId}; ${holderId} may ${what} only under its own GIAI prefixes or one that owner delegates to it`);
  }
}
