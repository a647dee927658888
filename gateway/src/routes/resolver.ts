import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Request, type Response } from 'express';
import { DigitalLinkError, digitalLinkPath, lotIdOf, parseDigitalLink, type TraceIdentifier } from '../../../model/src';
import { lotPage, problemPage } from '../consumer/page';
import { pickLanguage } from '../consumer/i18n';
import { consumerLotView } from '../consumer/lotView';
import { consumerUnitView, type ConsumerUnit } from '../consumer/unitView';
import { verifyTraceCode } from '../qr';
import type { GatewayServices } from '../services';

/** JSON when the client asks for it (GS1 resolvers answer `application/linkset+json`), else HTML. */
function wantsJson(request: Request): 'linkset' | 'json' | undefined {
  const accepts = request.accepts(['text/html', 'application/linkset+json', 'application/json']);
  return accepts === 'application/linkset+json' ? 'linkset' : accepts === 'application/json' ? 'json' : undefined;
}

/**
 * The Digital Link resolver: a scanned code lands here. Answers the consumer page to browsers and
 * JSON (plain or RFC 9264 linkset) to programs; a malformed identifier is a 400, an unknown one a
 * 404, both with a friendly page. Reads the projection, which follows the ledger within the
 * projection lag, so a committed recall shows at once (nothing about a lot is cached).
 */
export function resolverRoutes(services: GatewayServices, api: OpenAPIRegistry): Router {
  const router = Router();

  const resolve = async (request: Request, response: Response): Promise<void> => {
    const lang = pickLanguage(request.query.lang, request.headers['accept-language']);
    const format = wantsJson(request);
    /** Problems as JSON to programs and as a friendly page to browsers. */
    const problem = (status: 400 | 404, detail: string): void => {
      if (format) {
        response.status(status).type('application/problem+json').json({ type: 'about:blank', title: status === 400 ? 'Bad Request' : 'Not Found', status, detail, requestId: request.id });
      } else {
        response.status(status).type('html').send(problemPage(lang, status, detail));
      }
    };
    let id: TraceIdentifier;
    try {
      id = parseDigitalLink(request.originalUrl);
    } catch (error) {
      problem(400, error instanceof DigitalLinkError ? error.message : 'malformed identifier');
      return;
    }
    const subjectId = digitalLinkPath(id).slice(1);
    const found = id.kind === 'serial' ? await consumerUnitView(services.projector.models, id.gtin, id.serial, services.projector.cache) : undefined;
    const unit: ConsumerUnit | undefined = found?.unit;
    // Counted off the request path; a sold unit's scans feed the after-sale clone rule.
    services.scans.record({
      subjectId,
      regionHint: typeof request.query.r === 'string' ? request.query.r : undefined,
      clientAddress: request.ip ?? request.socket.remoteAddress ?? 'unknown',
      ...(unit?.sale ? { soldAt: unit.sale.eventTime } : {}),
    });
    // Only the path and the s/k parameters matter to the signature, whatever domain served the code.
    const verdict = await verifyTraceCode(request.originalUrl, services.tokens.jwks());
    const lotId = id.kind === 'lot' ? lotIdOf(id.gtin, id.lot) : found?.lotId;
    const lotView = lotId ? await services.projector.cache.get(`lot:${lotId}`, () => consumerLotView(services.projector.models, lotId, new Date(), services.projector.cache)) : undefined;
    if (!lotView) {
      problem(404, `nothing is registered under ${digitalLinkPath(id)}`);
      return;
    }
    // The cached lot view is shared: a sold unit gets its own copy with the sold banner first.
    const view = unit?.sale ? { ...lotView, banners: ['sold' as const, ...lotView.banners] } : lotView;
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Vary', 'Accept, Accept-Language');
    if (format === 'linkset') {
      const anchor = `${services.resolverBase}${digitalLinkPath(id)}`;
      response.type('application/linkset+json').json({
        linkset: [{ anchor, 'https://gs1.org/voc/pip': [{ href: `${anchor}?lang=${lang}`, type: 'text/html', hreflang: [lang === 'zh' ? 'zh-CN' : 'en'], title: view.lot.product }] }],
      });
    } else if (format === 'json') {
      response.json({ identifier: id, authenticity: verdict, banners: view.banners, ...(unit ? { unit } : {}), lot: view.lot, journey: view.journey, alerts: view.alerts, projectedAtBlock: view.projectedAtBlock });
    } else {
      response.type('html').send(lotPage(view, verdict, lang, new URL(request.originalUrl, 'http://resolver.invalid').searchParams, unit && { ...unit, subjectId }));
    }
  };

  router.get('/01/:gtin/10/:lot', resolve);
  router.get('/01/:gtin/21/:serial', resolve);
  router.get('/8004/:giai', resolve);
  api.registerPath({
    method: 'get',
    path: '/01/{gtin}/10/{lot}',
    summary: 'GS1 Digital Link resolver for a lot: consumer page (HTML), JSON, or application/linkset+json by Accept',
    description: 'Source: projection. Public. Query s/k carry the code signature; lang=zh|en picks the page language.',
    tags: ['resolver'],
    responses: { 200: { description: 'the lot as a consumer sees it' }, 400: { description: 'malformed identifier' }, 404: { description: 'unknown identifier' } },
  });
  api.registerPath({
    method: 'get',
    path: '/01/{gtin}/21/{serial}',
    summary: 'GS1 Digital Link resolver for a serialised unit: its lot\'s consumer page plus the unit and its sale (sold banner), HTML or JSON by Accept',
    description: 'Source: projection. Public. 404 when the serial is not commissioned. A sold unit\'s scans count towards the after-sale clone rule.',
    tags: ['resolver'],
    responses: { 200: { description: 'the unit and its lot as a consumer sees them' }, 400: { description: 'malformed identifier' }, 404: { description: 'serial not commissioned' } },
  });
  return router;
}
