import { transportHeaders, UPGRADE_INSECURE_REQUESTS } from '../http/transportSecurity';

/** The consumer page has no script and loads nothing from elsewhere, so its policy is stricter than the rest of the API's. */
const RESOLVER_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Headers of every resolver answer: nothing is cached by proxies, because a recall must show on the
 * next scan; HSTS and the upgrade of insecure requests only when the gateway is served over HTTPS.
 */
export function resolverHeaders(publicHttps: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': publicHttps ? `${RESOLVER_POLICY}; ${UPGRADE_INSECURE_REQUESTS}` : RESOLVER_POLICY,
    'Cache-Control': 'no-store',
    Vary: 'Accept, Accept-Language',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    ...transportHeaders(publicHttps),
  };
}
