import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { GtinSchema, IdentifierKinds, SerialSchema, type TraceIdentifier } from '../../../model/src';
import { Languages } from '../consumer/i18n';
import { handlerOf } from '../identifiers';

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
  ...refusals('nothing is registered under the identifier'),
});

const refusals = (notFound: string): RouteConfig['responses'] => ({
  400: { description: 'malformed identifier (a friendly page to browsers, problem details to programs)' },
  404: { description: notFound },
  429: { description: 'too many anonymous requests from this address' },
  503: { description: 'the trace record cannot be read right now; scan again shortly' },
});

const NOT_SERVED = "recognised, but no domain of this ledger serves the kind yet: a page in the reader's language (lang, else Accept-Language) naming the kind, and to programs problem details with the same detail and identifierKind";

const SOURCE = 'Source: projection (lots held in memory, invalidated per block). Public.';

/** How the resolver path of each identifier kind is documented: its parameters, and what a served kind answers. */
interface KindDocument {
  summary: string;
  description: string;
  params: z.ZodObject;
  /** What a found identifier's 200 shows, for a kind a handler serves. */
  found?: string;
}

const KIND_DOCUMENTS: Record<TraceIdentifier['kind'], KindDocument> = {
  lot: {
    summary: 'GS1 Digital Link resolver for a lot: consumer page (HTML), JSON, or application/linkset+json by Accept',
    description: `${SOURCE} Query s/k carry the code signature; lang picks the page language; r is an optional region hint, kept as the claim of the client (clone detection reads the region from the client address).`,
    params: z.object({
      gtin: GtinSchema,
      lot: z.string().regex(new RegExp(`^${AI82}{1,20}$`)).meta({ description: 'AI 10 lot number (lots registered here: 1–20 letters, digits, . _ -)' }),
    }),
    found: 'the lot as a consumer sees it',
  },
  serial: {
    summary: "GS1 Digital Link resolver for a serialised unit: its lot's consumer page plus the unit and its sale (sold banner), HTML or JSON by Accept",
    description: `${SOURCE} 404 when the serial is not commissioned. A sold unit's scans count towards the after-sale clone rule.`,
    params: z.object({ gtin: GtinSchema, serial: SerialSchema }),
    found: 'the unit and its lot as a consumer sees them',
  },
  asset: {
    summary: 'GS1 Digital Link resolver for an asset (GIAI: an elevator, a temperature logger): recognised and counted as a scan; no domain serves assets yet, so it answers 404 naming the kind',
    description: `${SOURCE} Loggers and other assets are registered by their GIAI URN (urn:epc:id:giai:<prefix>.<reference>); their Digital Link is /8004/<prefix><reference>.`,
    params: z.object({
      giai: z.string().regex(new RegExp(`^\\d{4,12}${AI82}{0,26}$`)).max(30).meta({ description: 'AI 8004 GIAI: the GS1 company prefix digits, then the asset reference, at most 30 characters' }),
    }),
  },
  logisticUnit: {
    summary: 'GS1 Digital Link resolver for a logistic unit (SSCC: a case or a pallet): recognised and counted as a scan; no domain serves cases and pallets yet, so it answers 404 naming the kind',
    description: `${SOURCE} A wrong check digit is a 400 naming the digit expected.`,
    params: z.object({ sscc: z.string().regex(/^\d{18}$/).meta({ description: 'AI 00 SSCC-18, ending in its GS1 check digit' }) }),
  },
  drugTraceCode: {
    summary: "Resolver for China's 20-digit drug trace code (药品追溯码): the verdict (genuine, unknown, dispensed, recalled, expired, suspect) and the drug's facts, as a zh/en page, JSON or a linkset",
    description: `${SOURCE} Not a GS1 key, so its path is this resolver's own. The code is 7 digits of product identification code, a 9-digit serial and 4 check digits, whose algorithm is not public.`,
    params: z.object({ code: z.string().regex(/^\d{20}$/).meta({ description: 'the 20 digits of the drug trace code' }) }),
    found: 'the verdict on the code and the drug as anyone may see them (a pack: how many it holds, never which codes); a code the ledger never issued, or a serial with other check digits, answers verdict unknown',
  },
};

/**
 * The OpenAPI entries of the resolver, whose answers are written by hand (scans are most of the
 * traffic and skip Express): one path per identifier kind, its parameters, and what it answers.
 */
export function registerResolverPaths(api: OpenAPIRegistry): void {
  const tags = ['resolver'];
  for (const kind of IdentifierKinds) {
    const { summary, description, params, found } = KIND_DOCUMENTS[kind.kind];
    api.registerPath({
      method: 'get', path: kind.route, tags, summary, description,
      request: { params, query: ScanQuery },
      responses: handlerOf(kind.kind) && found ? answers(found) : refusals(NOT_SERVED),
    });
  }
}
