import type { HelmetOptions } from 'helmet';

/**
 * Headers that only make sense when browsers reach the gateway over HTTPS (a TLS-terminating proxy
 * in front, `publicHttps` in the configuration). Over plain HTTP, HSTS is ignored at best, and
 * `upgrade-insecure-requests` makes a browser fetch the page's own scripts and styles over an
 * HTTPS port nobody serves (Swagger UI at /docs on a LAN address stays blank).
 */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** The one directive of a policy that rewrites http: subresource URLs to https:. */
export const UPGRADE_INSECURE_REQUESTS = 'upgrade-insecure-requests';

/** Helmet's settings for the Express routes. */
export function helmetOptions(publicHttps: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        // The docs page loads Swagger UI's own script and styles from this origin.
        'script-src': ["'self'", "'unsafe-inline'"],
        // null drops one of helmet's default directives.
        [UPGRADE_INSECURE_REQUESTS]: publicHttps ? [] : null,
      },
    },
    strictTransportSecurity: publicHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

/** The transport headers of answers written without helmet (the resolver's fast path). */
export function transportHeaders(publicHttps: boolean): Record<string, string> {
  return publicHttps ? { 'Strict-Transport-Security': HSTS } : {};
}
