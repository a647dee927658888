import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { Router, type RequestHandler } from 'express';
import { principalOf } from '../auth';
import { LoggerParamsSchema, ReadingIntake, readingModels, ReadingParamsSchema, ReadingProofs, ReadingUploadSchema } from '../readings';
import { answerOf } from '../http/idempotentWrite';
import { route } from '../http/route';
import type { GatewayServices, LedgerReading, LedgerWriting } from '../services';

/**
 * Body limit of the readings upload only (every other route keeps the gateway's 1 MB): thousands of
 * readings per request, up to about 100,000 with signatures.
 */
export const READINGS_BODY_LIMIT = '16mb';
/** The upload path, for mounting its own body parser before the gateway's default one. */
export const READINGS_UPLOAD_PATH = '/coldchain/loggers/:loggerId/readings';

/** Readings kept in the store, anchored and proved on the ledger. */
export type ReadingServices = LedgerWriting & LedgerReading & Pick<GatewayServices, 'store'>;

export function readingsBodyParser(): RequestHandler {
  return express.json({ limit: READINGS_BODY_LIMIT });
}

/**
 * Temperature readings of registered loggers: bulk upload (stored as primary data, then anchored per
 * window on the ledger) and inclusion proofs against the anchored roots. Logger ids are GIAI URNs:
 * URL-encode them in paths.
 */
export function readingRoutes(services: ReadingServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const tag = 'cold chain readings';
  const models = readingModels(services.store);
  const intake = new ReadingIntake(models, services.ledger, services.readerIdentity, services.writer, services.signing);
  const proofs = new ReadingProofs(models, services.ledger, services.readerIdentity);

  route(
    router,
    api,
    {
      method: 'post', path: READINGS_UPLOAD_PATH, tag, roles: ['enterprise'], params: LoggerParamsSchema, body: ReadingUploadSchema,
      idempotent: true, source: 'ledger: submit, answers after commit',
      summary: `Upload a logger's readings (its owner; body up to ${READINGS_BODY_LIMIT}): stored off chain, then each one-hour UTC window anchored on the ledger`,
      success: { status: 201, description: 'stored and anchored: counts, readings whose signature failed, and every window the readings belong to' },
    },
    async ({ params, body }, request, response) => {
      const upload = await intake.upload(request, principalOf(response), params.loggerId, body);
      const answer = answerOf(upload);
      if (upload.timing) {
        const serverTiming = Object.entries(upload.timing).map(([step, ms]) => `${step};dur=${ms.toFixed(1)}`).join(', ');
        return { ...answer, headers: { ...answer.headers, 'Server-Timing': serverTiming } };
      }
      return answer;
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/coldchain/readings/:loggerId/:readingId/proof', tag, params: ReadingParamsSchema, source: 'ledger: evaluate',
      summary: 'Inclusion proof of one reading against the root anchored on the ledger (check it with `npm run verify-reading`); 409 while not yet anchored',
      success: { status: 200, description: '{reading, proof, merkleRoot, anchor, assurance}' },
    },
    async ({ params }) => ({ body: await proofs.proofOf(params.loggerId, params.readingId) }),
  );

  return router;
}
