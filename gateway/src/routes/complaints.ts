import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import crypto from 'node:crypto';
import { z } from 'zod';
import { ConsumerComplaintSchema, type RiskClue } from '../../../model/src';
import { pickLanguage } from '../consumer/i18n';
import { complaintReceivedPage, contactPurgedPage } from '../consumer/complaintPages';
import { notFoundRequest } from '../http/httpError';
import { answerOf } from '../http/idempotentWrite';
import { route } from '../http/route';
import type { ProjectedDocument } from '../projection/models';
import { readPagedList } from '../projection/pagedList';
import { CLUE_LIST_PAGE_ITEMS, riskClueDocumentId } from '../projection/clues';
import type { GatewayServices } from '../services';
import { complaintContactModel } from '../store/primaryData';

const ComplaintForm = ConsumerComplaintSchema.extend({
  /** Optional phone or e-mail for a regulator's follow-up: stored off chain, purgeable. */
  contact: z.string().trim().max(200).optional(),
  /**
   * A key the page generates, so a double submit files one clue: HTML forms cannot send the
   * Idempotency-Key header, which other clients send here as on every write (the same key if both).
   */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/).optional(),
  lang: z.enum(['zh', 'en']).optional(),
  /** The scanned code's signature and key id, which the scan page's form carries so its way back still verifies; nothing checks or keeps them. */
  s: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/).optional(),
  k: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).optional(),
});

/** Complaints filed on the ledger as the intake identity, contacts in the store, clues from the projection. */
export type ComplaintServices = Pick<GatewayServices, 'writer' | 'intakeIdentity' | 'store' | 'projection'>;

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

/**
 * Consumer complaints from the scan page become open risk clues on chain (text and category only).
 * Contact details stay in the primary store; the consumer gets a token to delete them, and only
 * regulators can read them.
 */
export function complaintRoutes(services: ComplaintServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const contacts = complaintContactModel(services.store);

  route(
    router,
    api,
    {
      method: 'post', path: '/complaints', tag: 'consumers', source: 'ledger: submit, answers after commit', body: ComplaintForm, forms: true, idempotent: true,
      summary: 'Report a problem with a scanned item (JSON or an HTML form post); files an open risk clue',
      description: 'The Idempotency-Key header, or for HTML forms an idempotencyKey field (both only if equal), makes a retry answer the clue already filed (Idempotent-Replayed: true).',
      success: { status: 201, description: 'the clue, and a token to delete the contact details later' },
    },
    async ({ body }, request) => {
      const complaint = { subjectId: body.subjectId, category: body.category, text: body.text };
      const { contact, lang, s, k } = body;
      const answer = await services.writer.write(request, 'consumer', services.intakeIdentity, 'clues:fileConsumerComplaint', [JSON.stringify(complaint)]);
      const clue = (answer.body as { result?: RiskClue }).result;
      let purgeToken: string | undefined;
      if (clue && contact && !answer.replayed) {
        purgeToken = crypto.randomBytes(18).toString('base64url');
        await contacts.replaceOne({ _id: clue.clueId }, { _id: clue.clueId, contact, purgeTokenHash: sha256(purgeToken), createdAt: new Date() }, { upsert: true });
      }
      if (request.is('application/x-www-form-urlencoded') && clue) {
        const page = complaintReceivedPage(pickLanguage(lang, request.headers['accept-language']), clue.clueId, purgeToken, body.subjectId, { s, k });
        return { status: answer.status, body: undefined, headers: answerOf(answer).headers, html: page };
      }
      return { status: answer.status, body: { ...(answer.body as object), ...(purgeToken ? { purgeToken } : {}) }, headers: answerOf(answer).headers };
    },
  );

  route(
    router,
    api,
    {
      method: 'post', path: '/complaints/:clueId/contact/purge', tag: 'consumers', source: 'gateway',
      summary: 'Delete the contact details given with a complaint (the clue itself stays on chain)',
      // The thank-you page posts this as an HTML form.
      params: z.object({ clueId: z.string().regex(/^[0-9a-f]{64}$/) }), body: z.strictObject({ purgeToken: z.string().min(10), lang: z.enum(['zh', 'en']).optional() }), forms: true,
      success: { status: 200, description: 'deleted' },
    },
    async ({ params, body }, request) => {
      const result = await contacts.deleteOne({ _id: params.clueId, purgeTokenHash: sha256(body.purgeToken) });
      if (result.deletedCount === 0) {
        throw notFoundRequest('no contact details are stored for this clue and token');
      }
      if (request.is('application/x-www-form-urlencoded')) {
        return { status: 200, body: undefined, html: contactPurgedPage(pickLanguage(body.lang, request.headers['accept-language']), params.clueId) };
      }
      return { body: { deleted: true } };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/clues', tag: 'regulators', source: 'projection', roles: ['regulator', 'admin'],
      summary: 'Risk clues, a page at a time, with the consumer\'s contact details where given',
      description: `With subjectId: the clues of that item, a page of ${CLUE_LIST_PAGE_ITEMS} by \`page\` (0 is the oldest; default the newest). Without: every clue in document-id order, \`limit\` at a time, continuing \`after\` the last id of the previous page (the Link header with rel="next" says how). Each page is sorted newest first.`,
      query: z.object({
        subjectId: z.string().min(1).max(256).optional(),
        page: z.coerce.number().int().min(0).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        after: z.string().min(1).max(600).optional(),
      }),
      success: { status: 200, description: 'clues; a clue id is unique per subject only (`scan:<hour>` is shared by every code flagged in that hour), so `subjectId` and `clueId` together name a clue; a complaint\'s `clueId` is its transaction id, unique on its own, and is what `/complaints/{clueId}/contact/purge` takes' },
    },
    async ({ query }) => {
      const { riskClues, riskClueSubjects } = services.projection.models;
      const { subjectId } = query;
      let docs: ProjectedDocument[];
      let headers: Record<string, string> = {};
      if (subjectId) {
        const list = await readPagedList(riskClueSubjects, subjectId, query.page);
        docs = (await Promise.all((list?.items ?? []).map((clueId) => riskClues.findById(riskClueDocumentId({ subjectId, clueId })).lean()))).filter((d) => d !== null);
        if (list) headers = { 'X-Page': String(list.page), 'X-Pages': String(list.pages) };
      } else {
        docs = await riskClues.find(query.after ? { _id: { $gt: query.after } } : {}).sort({ _id: 1 }).limit(query.limit).lean();
        if (docs.length === query.limit) headers = { Link: `</clues?limit=${query.limit}&after=${encodeURIComponent(docs[docs.length - 1]._id)}>; rel="next"` };
      }
      const withContacts = await Promise.all(
        docs.map(async (doc) => {
          const clue = doc.record as unknown as RiskClue;
          // Contacts are kept per complaint, by its clue id (the filing transaction id: unique on its own).
          const contact = clue.source === 'consumer' ? (await contacts.findById(clue.clueId).lean())?.contact : undefined;
          return { ...clue, contact };
        }),
      );
      return { body: withContacts.sort((a, b) => b.filedAt.localeCompare(a.filedAt)), headers };
    },
  );
  return router;
}
