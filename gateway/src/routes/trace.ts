import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { TraceEventInputSchema, type TraceEvent } from '../../../model/src';
import { principalOf } from '../auth';
import { notFoundRequest } from '../http/httpError';
import { answerOf } from '../http/idempotentWrite';
import { route } from '../http/route';
import type { GatewayServices } from '../services';

const EventIdParams = z.object({ eventId: z.string().min(1).max(256) });
const SubjectParams = z.object({ subjectId: z.string().min(1).max(256) });
const CommittedWrite = z.object({ result: z.unknown(), txId: z.string(), blockNumber: z.number() });

/** Generic trace events: written by enterprises with their own identity, read by anyone. */
export function traceRoutes(services: GatewayServices, api: OpenAPIRegistry): Router {
  const router = Router();

  route(
    router,
    api,
    {
      method: 'post', path: '/trace/events', tag: 'trace', summary: 'Record a trace event as the token\'s enterprise',
      source: 'ledger: submit, answers after commit', roles: ['enterprise'], body: TraceEventInputSchema, idempotent: true,
      success: { status: 201, description: 'committed: the stored event, its transaction id and block', schema: CommittedWrite },
    },
    async ({ body }, request, response) => {
      const principal = principalOf(response);
      return answerOf(await services.writer.write(request, principal.sub, services.signing.for(principal), 'trace:recordEvent', [JSON.stringify(body)]));
    },
  );

  route(
    router,
    api,
    { method: 'get', path: '/trace/events/:eventId', tag: 'trace', summary: 'One trace event, read from the ledger', source: 'ledger: evaluate', params: EventIdParams, success: { status: 200, description: 'the event' } },
    async ({ params }) => ({ body: await services.ledger.evaluate<TraceEvent>(services.readerIdentity, 'trace:getEvent', params.eventId) }),
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/trace/subjects/:subjectId/events', tag: 'trace', summary: 'All events of a subject, oldest first (URL-encode the subject id)',
      source: 'projection', params: SubjectParams, success: { status: 200, description: 'the events with their ledger source' },
    },
    async ({ params }) => {
      const events = await services.projector.cache.get(`subject:${params.subjectId}`, async () => {
        const timeline = await services.projector.models.traceSubjects.findById(params.subjectId).lean();
        return timeline?.events ?? [];
      });
      if (events.length === 0) {
        throw notFoundRequest(`no events are projected for subject ${params.subjectId}`);
      }
      return { body: events };
    },
  );

  return router;
}
