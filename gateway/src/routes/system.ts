import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { Router } from 'express';
import path from 'node:path';
import { openApiDocument } from '../openapi/document';
import type { GatewayServices } from '../services';

/** The projector's status and the store's ping for health, the metrics, the token key set. */
export type SystemServices = Pick<GatewayServices, 'projector' | 'store' | 'consumerViews' | 'metrics' | 'tokens'>;
import { registerSystemPaths } from './systemPaths';

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>traceledger API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="api"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api' });</script>
</body></html>`;

/** Health (ledger, projection, store), metrics, JWKS, the OpenAPI document and its docs page. */
export function systemRoutes(services: SystemServices, api: OpenAPIRegistry): Router {
  const router = Router();
  registerSystemPaths(api);

  const projectionStatus = async () => {
    const projection = await services.projector.status();
    services.metrics.ledgerHeight.set(projection.ledgerHeight ?? 0);
    services.metrics.projectedHeight.set(projection.projectedHeight);
    services.metrics.projectionLag.set(projection.lag ?? 0);
    services.metrics.deadLetters.set(projection.deadLetters);
    return projection;
  };

  /**
   * `ok`, or `degraded` with what is wrong. A ledger or store that does not answer makes the
   * gateway unable to serve (503 on both routes); dead letters or a projection lag over the alert
   * threshold leave it serving possibly out-of-date reads: /health answers 200 (the process is
   * alive) and /ready 503 (route traffic elsewhere if there is an elsewhere).
   */
  const health = async () => {
    const [projection, storeOk] = await Promise.all([
      projectionStatus(),
      services.store.db?.admin().ping().then(() => true, () => false) ?? Promise.resolve(false),
    ]);
    const serving = projection.ledgerHeight !== undefined && storeOk;
    const current = projection.deadLetters === 0 && !projection.behind;
    return {
      serving,
      body: {
        status: serving && current ? 'ok' : 'degraded',
        ledger: { ok: projection.ledgerHeight !== undefined, height: projection.ledgerHeight },
        projection: {
          projectedHeight: projection.projectedHeight,
          lag: projection.lag,
          behind: projection.behind,
          deadLetters: projection.deadLetters,
          running: projection.running,
          role: projection.role,
          projected: projection.projected,
          ...(projection.lastError ? { lastError: projection.lastError } : {}),
        },
        store: { ok: storeOk },
        consumerViews: services.consumerViews.status(),
      },
    };
  };

  router.get('/health', async (_request, response) => {
    const { serving, body } = await health();
    response.status(serving ? 200 : 503).json(body);
  });

  router.get('/ready', async (_request, response) => {
    const { body } = await health();
    response.status(body.status === 'ok' ? 200 : 503).json(body);
  });

  router.get('/metrics', async (_request, response) => {
    await projectionStatus();
    response.type(services.metrics.registry.contentType).send(await services.metrics.registry.metrics());
  });

  router.get('/.well-known/jwks.json', (_request, response) => {
    response.json(services.tokens.jwks());
  });

  let document: object | undefined;
  router.get('/openapi.json', (_request, response) => {
    document ??= openApiDocument(api);
    response.json(document);
  });
  router.use('/docs/assets', express.static(path.dirname(require.resolve('swagger-ui-dist/package.json'))));
  router.get('/docs', (_request, response) => {
    response.type('html').send(DOCS_PAGE);
  });
  return router;
}
