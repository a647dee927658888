import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { GtinSchema, SerialSchema } from '../../../model/src';
import { Languages } from '../consumer/i18n';

/** Characters of GS1's AI 82 set, which AIs 10, 21 and 8004 may hold (percent-encoded in the path). */
const AI82 = `[!"%&'()*+,./0-9:;<=>?A-Z_a-z-]`;

const ScanQuery = z.object({
  lang: z.enum(Languages).optional().meta({ description: 'the page\'s language; else Accept-Language decides (zh unless it starts with en)' }),
  s: z.string().optional().meta({ description: 'the code\'s signature (signed codes): the answer says whether the code is authentic' }),
  k: z.string().optional().meta({ description: 'the id of the trace-code key that signed the code (/.well-known/jwks.json)' }),
  r: z.string().regex(/^\d{6}$/).optional().meta({ description: 'a region hint (6-digit administrative code), kept as the client\'s claim: clone detection places scans by client address' }),
});

const answers = (found: string): RouteConfig['responses'] => ({
  200: {
    description: `${found}: the consumer page (HTML) to browsers, JSON to Accept: application/json, an RFC 9264 linkset to Accept: application/linkset+json`,
    content: {
      'text/html': { schema: z.string() },
      'application/json': { schema: z.record(z.string(), z.unknown()) },
      'application/linkset+json': { schema: z.record(z.string(), z.unknown()) },
    },
  },
  400: { description: 'malformed identifier (a friendly page to browsers, problem details to programs)' },
  404: { description: 'nothing is registered under the identifier' },
  429: { description: 'too many anonymous requests from this address' },
  503: { description: 'the trace record cannot be read right now; scan again shortly' },
});

const SOURCE = 'Source: projection (lots held in memory, invalidated per block). Public.';

/**
 * The OpenAPI entries of the GS1 Digital Link resolver, whose answers are written by hand (scans
 * are most of the traffic and skip Express): its paths, their parameters, and what they answer.
 */
export function registerResolverPaths(api: OpenAPIRegistry): void {
  const tags = ['resolver'];
  api.registerPath({
    method: 'get', path: '/01/{gtin}/10/{lot}', tags,
    summary: 'GS1 Digital Link resolver for a lot: consumer page (HTML), JSON, or application/linkset+json by Accept',
    description: `${SOURCE} Query s/k carry the code signature; lang picks the page language; r is an optional region hint, kept as the claim of the client (clone detection reads the region from the client address).`,
    request: {
      params: z.object({
        gtin: GtinSchema,
        lot: z.string().regex(new RegExp(`^${AI82}{1,20}$`)).meta({ description: 'AI 10 lot number (lots registered here: 1–20 letters, digits, . _ -)' }),
      }),
      query: ScanQuery,
    },
    responses: answers('the lot as a consumer sees it'),
  });
  api.registerPath({
    method: 'get', path: '/01/{gtin}/21/{serial}', tags,
    summary: "GS1 Digital Link resolver for a serialised unit: its lot's consumer page plus the unit and its sale (sold banner), HTML or JSON by Accept",
    description: `${SOURCE} 404 when the serial is not commissioned. A sold unit's scans count towards the after-sale clone rule.`,
    request: { params: z.object({ gtin: GtinSchema, serial: SerialSchema }), query: ScanQuery },
    responses: answers('the unit and its lot as a consumer sees them'),
  });
  api.registerPath({
    method: 'get', path: '/8004/{giai}', tags,
    summary: 'GS1 Digital Link resolver for an asset (GIAI): recognised and counted as a scan, but no asset has a page yet, so it answers 404',
    description: `${SOURCE} Loggers and other assets are registered by their GIAI URN (urn:epc:id:giai:<prefix>.<reference>); their Digital Link is /8004/<prefix><reference>.`,
    request: {
      params: z.object({
        giai: z.string().regex(new RegExp(`^\\d{4,12}${AI82}{0,26}$`)).max(30).meta({ description: 'AI 8004 GIAI: the GS1 company prefix digits, then the asset reference, at most 30 characters' }),
      }),
      query: ScanQuery,
    },
    responses: answers('the asset'),
  });
}
