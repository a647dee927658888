import type { JWK } from 'jose';
import { codeKeyLookup, KEY_ID_PARAM, SIGNATURE_PARAM, verifyTraceCodeWith, type CodeKeyLookup, type CodeVerdict } from './codeSignature';

/**
 * The verdicts of codes already checked. A code's signature never changes and the gateway's key set
 * is fixed while it runs, so each distinct code is verified once; an ES256 verification costs more
 * than all the rest of a cached scan. Bounded: the oldest verdicts go first.
 */
export class CodeVerdicts {
  readonly #verdicts = new Map<string, CodeVerdict>();
  readonly #keyFor: CodeKeyLookup;

  /** `codeKeys`: the trace-code keys (codeKeySet); a key in it published for another job is never used. */
  constructor(
    codeKeys: { keys: JWK[] },
    private readonly maxEntries = 100_000,
  ) {
    this.#keyFor = codeKeyLookup(codeKeys);
  }

  /** `url`: the scanned code as the resolver already parsed it (any base). */
  async verify(url: URL): Promise<CodeVerdict> {
    // Only the path and the signature parameters decide the verdict (not ?lang= or ?r=).
    const key = `${url.pathname}|${url.searchParams.get(SIGNATURE_PARAM) ?? ''}|${url.searchParams.get(KEY_ID_PARAM) ?? ''}`;
    const known = this.#verdicts.get(key);
    if (known) return known;
    const verdict = await verifyTraceCodeWith(url.href, this.#keyFor);
    this.#verdicts.set(key, verdict);
    if (this.#verdicts.size > this.maxEntries) this.#verdicts.delete(this.#verdicts.keys().next().value as string);
    return verdict;
  }
}
