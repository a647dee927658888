import {
  batchFactsOf,
  claimBlockOf,
  chunkRootsTreeLevels,
  chunkTreeLevels,
  codeProofFromLevels,
  dayOf,
  drugCodeOfGs1Serial,
  facetsAt,
  identificationOf,
  MAX_PACKING_DEPTH,
  serialBucketOf,
  serialOfCode,
  productFactsOf,
  verdictOf,
  type CodeFacets,
  type DrugBatch,
  type DrugCommissioning,
  type DrugPack,
  type DrugProduct,
  type InclusionProof,
  type Verdict,
  type VerifiedBatch,
  type VerifiedProduct,
} from '../../../model/src';
import { cacheKeys } from '../projection/cacheKeys';
import { drugDocumentIds, type DrugModels } from '../projection/drug';
import { ProjectionReadCache } from '../projection/readCache';
import { chunkId, type DrugCodeChunkDocument, type DrugCodeListDocument, type DrugCodeListModels } from './codeListStore';

/** A code found in a stored list: its commissioning and its proof against the root on chain. */
export interface FoundCode {
  code: string;
  commissioning: DrugCommissioning;
  proof: InclusionProof;
}

/** Where a code is, as the projection knows it: its facts and those of every pack it is in, innermost first. */
export interface ProjectedPosition {
  chain: { code: string; facets: CodeFacets }[];
  holder: string;
}

/** What the verify page and `GET /drug/codes/{code}` answer: nothing a counterfeiter could use (no child or parent codes). */
export interface DrugCodeVerification {
  code: string;
  verdict: Verdict;
  level?: string;
  product?: VerifiedProduct;
  batch?: VerifiedBatch;
  used?: { state: string; day: string; cityRegion?: string };
  holds?: { state: string; reason: string }[];
  /** For a pack: how many it holds now (never which). */
  contents?: DrugPack['contents'];
  /** What a scanned GS1 label prints (batch, expiry) that differs from the record: the label is not this code's. */
  labelMismatch?: { field: 'batchNumber' | 'expiryDate'; printed: string; recorded: string }[];
}

/**
 * Reads drug codes from the store, every read by `_id`: a code's commissioning (claim, then the
 * commissioning), its proof (list document, one chunk), its state (bucket documents up its packs),
 * its batch and product. Lists and chunks never change once stored, so they are cached without end
 * (bounded by count); projected documents go through the projection's read cache.
 */
export class DrugCodeReader {
  readonly #immutable = new ProjectionReadCache(2_000, Number.POSITIVE_INFINITY);
  /** Merkle tree levels of chunks and lists proofs were built from (≈ 70 kB a chunk), for the next proof of the same chunk. */
  readonly #trees = new ProjectionReadCache(256, Number.POSITIVE_INFINITY);

  /**
   * `ledgerCommissioning` asks the ledger which commissioning holds a code's serial: writes use it
   * when the projection has not caught up with a commissioning just committed (packing right after
   * printing); public reads never do, so a flood of guessed codes never reaches the ledger.
   */
  constructor(
    private readonly models: DrugModels,
    private readonly lists: DrugCodeListModels,
    private readonly cache: ProjectionReadCache,
    private readonly ledgerCommissioning: (code: string) => Promise<DrugCommissioning | undefined> = () => Promise.resolve(undefined),
  ) {}

  async commissioningOf(code: string): Promise<DrugCommissioning | undefined> {
    const idCode = identificationOf(code);
    const serial = serialOfCode(code);
    const block = claimBlockOf(serial);
    // "Nothing here" is not kept: a flood of guessed codes would fill the cache with it.
    const claim = await this.cache.get(cacheKeys.drugClaim(idCode, block), async () => (await this.models.drugClaims.findById(drugDocumentIds.claim(idCode, block)).lean())?.record, { keepIf: (c) => c !== undefined });
    const span = claim?.spans.find((s) => s.from <= serial && serial <= s.to);
    if (!span) return undefined;
    // Commissionings never change once written.
    return this.#immutable.get(`commissioning:${span.commissioningId}`, async () => (await this.models.drugCommissionings.findById(span.commissioningId).lean())?.record, { keepIf: (c) => c !== undefined });
  }

  /** As {@link find}, asking the ledger for the commissioning when the projection does not know it yet: for writes only. */
  async findForWrite(code: string): Promise<FoundCode | undefined> {
    return (await this.find(code)) ?? this.find(code, await this.ledgerCommissioning(code));
  }

  /** The code's proof from its stored list; undefined when no list holds exactly these 20 digits (a guessed check, an unknown serial). */
  async find(code: string, known?: DrugCommissioning): Promise<FoundCode | undefined> {
    const located = await this.#locate(code, known);
    if (!located) return undefined;
    const { commissioning, list, k, chunk } = located;
    // Built once per chunk and list, not per code: an upload of 1,000 codes of one chunk hashed the chunk 1,000 times.
    const chunkLevels = await this.#trees.get(`chunk:${chunkId(list._id, k)}`, async () => chunkTreeLevels(Array.from({ length: chunk.length / 20 }, (_, i) => chunk.slice(i * 20, i * 20 + 20))));
    const rootsLevels = await this.#trees.get(`list:${list._id}`, async () => chunkRootsTreeLevels(list.chunkRoots));
    return { code, commissioning, proof: codeProofFromLevels(chunkLevels, rootsLevels, k, located.index, list.count) };
  }

  /**
   * The commissioning whose stored list holds exactly these 20 digits, without building a proof: a
   * public read trusts the lists it stores under their anchored roots, and hashing a chunk per scan
   * would cost more than the rest of the answer. Writes take {@link find}, whose proof the chaincode checks.
   */
  async commissioningHolding(code: string): Promise<DrugCommissioning | undefined> {
    return (await this.#locate(code))?.commissioning;
  }

  /** The list, chunk and index within it of a code, by `_id` reads of what never changes. */
  async #locate(code: string, known?: DrugCommissioning): Promise<{ commissioning: DrugCommissioning; list: DrugCodeListDocument; k: number; chunk: string; index: number } | undefined> {
    const commissioning = known ?? (await this.commissioningOf(code));
    if (!commissioning) return undefined;
    const list = await this.#immutable.get<DrugCodeListDocument | null>(`list:${commissioning.merkleRoot}`, () => this.lists.lists.findById(commissioning.merkleRoot).lean().exec(), { keepIf: (l) => l !== null });
    if (!list) return undefined;
    const serial = serialOfCode(code);
    let k = 0;
    for (let lo = 0, hi = list.chunkFirstSerials.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (list.chunkFirstSerials[mid] <= serial) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const chunk = await this.#immutable.get<DrugCodeChunkDocument | null>(`chunk:${chunkId(list._id, k)}`, () => this.lists.chunks.findById(chunkId(list._id, k)).lean().exec(), { keepIf: (c) => c !== null });
    if (!chunk) return undefined;
    // The chunk is its codes end to end: a match counts only at a code's start.
    for (let at = chunk.codes.indexOf(code); at >= 0; at = chunk.codes.indexOf(code, at + 1)) {
      if (at % 20 === 0) return { commissioning, list, k, chunk: chunk.codes, index: at / 20 };
    }
    return undefined;
  }

  async facets(code: string): Promise<CodeFacets> {
    const idCode = identificationOf(code);
    const serial = serialOfCode(code);
    const bucket = serialBucketOf(serial);
    const doc = await this.cache.get(cacheKeys.drugBucket(idCode, bucket), async () => (await this.models.drugBuckets.findById(drugDocumentIds.bucket(idCode, bucket)).lean())?.record);
    return doc ? facetsAt(doc, serial) : {};
  }

  /** The code and the packs it is in, and who holds the outermost (its commissioner while it never moved). */
  async position(found: Pick<FoundCode, 'code' | 'commissioning'>): Promise<ProjectedPosition> {
    const chain: ProjectedPosition['chain'] = [];
    let code = found.code;
    let commissioning: DrugCommissioning | undefined = found.commissioning;
    for (let depth = 0; depth <= MAX_PACKING_DEPTH && commissioning; depth++) {
      const facets = await this.facets(code);
      chain.push({ code, facets });
      if (facets.parent === undefined) break;
      code = facets.parent;
      commissioning = await this.commissioningOf(code);
    }
    const top = chain[chain.length - 1];
    return { chain, holder: top.facets.holder ?? commissioning?.commissionedBy ?? found.commissioning.commissionedBy };
  }

  /** The 20-digit code a GS1 form names (`/01/{gtin}/21/{serial}`), or undefined when the GTIN is no drug level's. */
  async codeOfGs1(gtin: string, serial: string): Promise<string | undefined> {
    const binding = await this.cache.get(cacheKeys.drugGtin(gtin), async () => (await this.models.drugGtins.findById(gtin).lean())?.record, { keepIf: (b) => b !== undefined });
    return binding ? drugCodeOfGs1Serial(binding.idCode, serial) : undefined;
  }

  async batch(productId: string, batchNumber: string): Promise<DrugBatch | undefined> {
    const id = `${productId}/${batchNumber}`;
    return this.cache.get(cacheKeys.drugBatch(id), async () => (await this.models.drugBatches.findById(id).lean())?.record);
  }

  async product(productId: string): Promise<DrugProduct | undefined> {
    return this.cache.get(cacheKeys.drugProduct(productId), async () => (await this.models.drugProducts.findById(productId).lean())?.record);
  }

  async pack(code: string): Promise<DrugPack | undefined> {
    const idCode = identificationOf(code);
    const serial = serialOfCode(code);
    return this.cache.get(cacheKeys.drugPack(idCode, serial), async () => (await this.models.drugPacks.findById(drugDocumentIds.pack(idCode, serial)).lean())?.record);
  }

  /** The public verdict on a code, with the drug's facts. `today` is the reader's date (YYYY-MM-DD). */
  async verify(code: string, today: string): Promise<DrugCodeVerification> {
    const commissioning = await this.commissioningHolding(code);
    if (!commissioning) return { code, verdict: 'unknown' };
    // Only boxes, cases and pallets have a pack record: a unit's read would be a miss, cached per unit.
    const [position, batch, product, pack] = await Promise.all([
      this.position({ code, commissioning }),
      this.batch(commissioning.productId, commissioning.batchNumber),
      this.product(commissioning.productId),
      commissioning.level === 'unit' ? undefined : this.pack(code),
    ]);
    const facets = position.chain.map((link) => link.facets);
    const own = facets[0] ?? {};
    const holds = [...facets.map((f) => f.hold), batch?.hold, product?.hold].filter((h) => h !== undefined);
    return {
      code,
      verdict: verdictOf({ known: true, facets, batch, productHold: product?.hold, today }),
      level: commissioning.level,
      ...(product ? { product: productFactsOf(product) } : {}),
      ...(batch ? { batch: batchFactsOf(batch) } : {}),
      ...((own.state === 'dispensed' || own.state === 'sold') && own.change
        ? { used: { state: own.state, day: dayOf(own.change.eventTime), ...(own.change.region ? { cityRegion: `${own.change.region.slice(0, 4)}00` } : {}) } }
        : {}),
      ...(holds.length > 0 ? { holds: holds.map((h) => ({ state: h.state, reason: h.reason })) } : {}),
      ...(pack?.status === 'packed' ? { contents: pack.contents } : {}),
    };
  }
}
