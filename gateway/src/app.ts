import express from 'express';
import http from 'node:http';
import helmet from 'helmet';
import { authenticate, requireRole } from './auth';
import { AddressRateLimit } from './http/addressRateLimit';
import { anonymousRateLimit, enterpriseWriteQuota, notFoundRoute, problemHandler, requestLogging, requestMetrics } from './http/middleware';
import { helmetOptions } from './http/transportSecurity';
import { newApiRegistry } from './openapi/document';
import { adminRoutes } from './routes/admin';
import { brandRoutes } from './routes/brands';
import { auditPackRoutes } from './routes/auditPacks';
import { codeRoutes } from './routes/codes';
import { complaintRoutes } from './routes/complaints';
import { coldChainRoutes } from './routes/coldchain';
import { COMMISSIONING_UPLOAD_PATH, commissioningBodyParser, drugRoutes } from './routes/drug';
import { elevatorRoutes } from './routes/elevator';
import { clueRoutes } from './routes/clues';
import { exportRoutes } from './routes/exports';
import { recallRoutes } from './routes/recalls';
import { referenceRoutes } from './routes/reference';
import { enterpriseRoutes } from './routes/enterprises';
import { myRoutes } from './routes/me';
import { offlineSigningRoutes } from './routes/offlineSigning';
import { resolverFastPath, resolverRoutes } from './routes/resolver';
import { READINGS_UPLOAD_PATH, readingRoutes, readingsBodyParser } from './routes/readings';
import { regulatorRoutes } from './routes/regulators';
import { samplingRoutes } from './routes/sampling';
import { creditGradeRoutes } from './routes/creditGrades';
import { dashboardRoutes } from './routes/dashboard';
import { dashboardPageRoutes } from './routes/dashboardPages';
import { disclosureRoutes } from './routes/disclosure';
import { systemRoutes } from './routes/system';
import { tokenRevocationRoutes } from './routes/tokenRevocation';
import { traceRoutes } from './routes/trace';
import type { GatewayServices } from './services';

/** Largest accepted JSON body; bulk uploads of later domains get their own limits. */
export const BODY_LIMIT = '1mb';

/**
 * The gateway's HTTP server: anonymous scans are answered before Express sees them
 * (`resolverFastPath`), everything else by the Express application. Scans and the rest of the API
 * draw on one rate-limit allowance per client address.
 */
export function createServer(services: GatewayServices): http.Server {
  const rateLimit = new AddressRateLimit(services.anonymousRateLimitPerMinute);
  const app = createApp(services, rateLimit);
  const scan = resolverFastPath(services, rateLimit);
  return http.createServer((request, response) => {
    if (!scan(request, response)) void app(request, response);
  });
}

/** The Express application. Domain routers mount here, each adding its paths to the OpenAPI document. */
export function createApp(
  services: GatewayServices,
  rateLimit = new AddressRateLimit(services.anonymousRateLimitPerMinute),
  /** Where routes document themselves; a test passes its own to read the routes' schemas. */
  api = newApiRegistry(),
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // One proxy hop: the address the proxy saw is the client's (a larger setting would let clients spoof it).
  app.set('trust proxy', services.trustProxy ? 1 : false);
  app.use(requestLogging(services.log));
  app.use(requestMetrics(services.metrics));
  app.use(helmet(helmetOptions(services.publicHttps)));
  // Refusals cost little: who is asking and how often are settled before any body is read.
  app.use(authenticate(services.tokens, [services.revocations, services.standing]));
  app.use(anonymousRateLimit(rateLimit));
  app.use(enterpriseWriteQuota(new AddressRateLimit(services.enterpriseWritesPerMinute)));
  // Bulk reading uploads carry thousands of readings: their own, larger limit, read only for an
  // enterprise token (parsed bodies are not parsed again).
  app.post(READINGS_UPLOAD_PATH, requireRole('enterprise'), readingsBodyParser());
  app.post(COMMISSIONING_UPLOAD_PATH, requireRole('enterprise'), commissioningBodyParser());
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: '16kb' }));
  app.use(systemRoutes(services, api));
  app.use(adminRoutes(services, api));
  app.use(regulatorRoutes(services, api));
  app.use(tokenRevocationRoutes(services, api));
  app.use(enterpriseRoutes(services, api));
  app.use(myRoutes(services, api));
  app.use(brandRoutes(services, api));
  app.use(traceRoutes(services, api));
  app.use(coldChainRoutes(services, api));
  app.use(drugRoutes(services, api));
  app.use(elevatorRoutes(services, api));
  app.use(referenceRoutes(services, api));
  app.use(clueRoutes(services, api));
  app.use(recallRoutes(services, api));
  app.use(samplingRoutes(services, api));
  app.use(exportRoutes(services, api));
  app.use(creditGradeRoutes(services, api));
  app.use(dashboardRoutes(services, api));
  app.use(disclosureRoutes(services, api));
  app.use(dashboardPageRoutes());
  app.use(auditPackRoutes(services, api));
  app.use(readingRoutes(services, api));
  app.use(offlineSigningRoutes(services, api));
  app.use(codeRoutes(services, api));
  app.use(resolverRoutes(services, api));
  app.use(complaintRoutes(services, api));
  app.use(notFoundRoute(api));
  app.use(problemHandler);
  return app;
}
