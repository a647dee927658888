import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { asSeenBy, TraceEventAudiences, TraceEventInputSchema, traceEventParties, type TraceEvent } from '../../../model/src';
import { auditRegulatorRead, readerPrincipal, recordAudience } from '../audiences';
import { principalOf } from '../auth';
import { notFoundRequest } from '../http/httpError';
import { answerOf } from '../http/idempotentWrite';
import { route } from '../http/route';
import { readPagedList } from '../projection/pagedList';
import { TIMELINE_PAGE_EVENTS } from '../projection/trace';
import type { GatewayServices, LedgerReading, LedgerWriting } from '../services';
import { regulatorReadLog } from '../store/regulatorReadLog';

const EventIdParams = z.object({ eventId: z.string().min(1).max(256) });
const SubjectParams = z.object({ subjectId: z.string().min(1).max(256) });
const PageQuery = z.object({ page: z.coerce.number().int().min(0).max(1_000_000).optional() });
const CommittedWrite = z.object({ result: z.unknown(), txId: z.string(), blockNumber: z.number() });

/** Events written and read on the ledger, subjects' timelines from the projection, the store's log of regulators' reads. */
export type TraceServices = LedgerWriting & LedgerReading & Pick<GatewayServices, 'projection' | 'store'>;

/** Generic trace events: written by enterprises with their own identity, read by anyone as its audience (TraceEventAudiences). */
export function traceRoutes(services: TraceServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const readLog = regulatorReadLog(services.store);

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
    async ({ params }, _request, response) => {
      // The reader identity gets the event whole (chaincode/src/common/readerAudience.ts); the caller sees it as its audience.
      const event = await services.ledger.evaluate<TraceEvent>(services.readerIdentity, 'trace:getEvent', params.eventId);
      const principal = readerPrincipal(response);
      const audience = recordAudience(principal, traceEventParties(event));
      await auditRegulatorRead(readLog, principal, audience, 'GET /trace/events/:eventId', params.eventId);
      return { body: asSeenBy(TraceEventAudiences.event, audience, event) };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/trace/subjects/:subjectId/events', tag: 'trace',
      summary: `A subject's events, oldest first, ${TIMELINE_PAGE_EVENTS} a page (URL-encode the subject id)`,
      description: 'Pages count from 0 (the oldest); headers X-Page and X-Pages say where this page is, and a Link header with rel="next" names the next page while there is one.',
      source: 'projection', params: SubjectParams, query: PageQuery, success: { status: 200, description: 'the events of the page with their ledger source' },
    },
    async ({ params, query }, _request, response) => {
      const page = query.page ?? 0;
      // Not cached: one or two `_id` reads, and the open page changes with every event.
      const answer = await readPagedList(services.projection.models.traceSubjects, params.subjectId, page);
      if (!answer) {
        throw notFoundRequest(`no events are projected for subject ${params.subjectId}`);
      }
      const principal = readerPrincipal(response);
      const audience = recordAudience(principal, []);
      await auditRegulatorRead(readLog, principal, audience, 'GET /trace/subjects/:subjectId/events', params.subjectId);
      // Each event is its recorder's: a party to some events of a subject reads the others as the public.
      const events = answer.items.map(({ source, ...event }) => ({ ...asSeenBy(TraceEventAudiences.event, recordAudience(principal, traceEventParties(event)), event), source }));
      const next: Record<string, string> = answer.page + 1 < answer.pages ? { Link: `</trace/subjects/${encodeURIComponent(params.subjectId)}/events?page=${answer.page + 1}>; rel="next"` } : {};
      return { body: events, headers: { 'X-Page': String(answer.page), 'X-Pages': String(answer.pages), ...next } };
    },
  );

  return router;
}
