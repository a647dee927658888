import { KEY_ID_PARAM, SIGNATURE_PARAM } from './codeSignature';
import type { CodeVerdicts } from './codeVerdicts';

/**
 * The refusal of `GET /codes/qr` for a code that would print without its signature. A signed uri
 * passed unencoded (`?uri=https://…/10/L1?s=…&k=code-…`) reaches the gateway cut at its first `&`:
 * the `k` becomes a parameter of the request, and the image would carry a code every scan calls fake.
 */
export const UNVERIFIED_CODE_REFUSAL = "the code's signature does not verify: was the uri URL-encoded? (encodeURIComponent the whole uri)";

/**
 * Why `uri` must not be drawn, or undefined when it may: a code that verifies, or a plain unsigned
 * Digital Link with no signature parameter anywhere. `requestParams`: the names of the request's own
 * query parameters, where a cut-off signature ends up.
 */
export async function qrUriRefusal(uri: string, requestParams: readonly string[], verdicts: Pick<CodeVerdicts, 'verify'>): Promise<string | undefined> {
  const verdict = await verdicts.verify(new URL(uri, 'http://code.invalid'));
  if (verdict.status === 'authentic') return undefined;
  const strays = requestParams.filter((name) => name === SIGNATURE_PARAM || name === KEY_ID_PARAM);
  if (verdict.status === 'unsigned' && strays.length === 0) return undefined;
  const reason = verdict.status === 'unsigned' ? `${strays.join(' and ')} came as parameters of the request, not of the uri` : verdict.reason;
  return `${UNVERIFIED_CODE_REFUSAL} (${reason})`;
}
