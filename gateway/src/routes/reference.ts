import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { ReferenceKindNames, ReferenceKinds, type ReferenceKind, type ReferenceRecord } from '../../../model/src';
import { ledgerWriteRoutes } from '../http/ledgerWriteRoute';
import { route } from '../http/route';
import { referenceEntryId } from '../projection/reference';
import type { GatewayServices, LedgerWriting } from '../services';
import { byIds } from '../store/byIds';

/** The path segment of each kind of reference data. */
export const ReferencePaths: Record<ReferenceKind, string> = {
  region: 'regions',
  regulatorUnit: 'regulator-units',
  productCategory: 'product-categories',
  workingCalendar: 'working-calendars',
  recallLevel: 'recall-levels',
  clueDeadline: 'clue-deadlines',
};

const KindParams = z.object({ kind: z.enum(Object.values(ReferencePaths) as [string, ...string[]]) });
const kindAt = (path: string): ReferenceKind => ReferenceKindNames.find((kind) => ReferencePaths[kind] === path) as ReferenceKind;

export type ReferenceServices = LedgerWriting & Pick<GatewayServices, 'projection'>;

/**
 * Reference data the platform admin keeps on chain (regions, regulator units, product categories,
 * working-day calendars, recall levels, clue deadlines); anyone may read it: a consumer page names
 * regions, an enterprise reads the recall deadlines it is held to.
 */
export function referenceRoutes(services: ReferenceServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const writeRoute = ledgerWriteRoutes(router, api, services, 'reference');
  for (const kind of ReferenceKindNames) {
    writeRoute(
      { path: `/admin/reference/${ReferencePaths[kind]}`, summary: `Write a ${kind} entry (replaces the entry with the same id); platform admin`, body: ReferenceKinds[kind].schema, roles: ['admin'] },
      'reference:putEntry',
      (b) => [kind, JSON.stringify(b)],
    );
  }

  route(
    router,
    api,
    {
      method: 'get', path: '/reference/:kind', tag: 'reference', summary: 'Every entry of one kind of reference data, in id order (public)',
      source: 'projection', params: KindParams, success: { status: 200, description: 'the entries with who wrote them and when' },
    },
    async ({ params }) => {
      const kind = kindAt(params.kind);
      const { referenceKinds, referenceEntries } = services.projection.models;
      const ids = [...((await referenceKinds.findById(kind).lean())?.ids ?? [])].sort();
      const docs = await byIds(referenceEntries, ids.map((id) => referenceEntryId(kind, id)));
      const entries = docs.map((doc) => doc.record as unknown as ReferenceRecord).sort((a, b) => a.id.localeCompare(b.id));
      return { body: { kind, entries } };
    },
  );
  return router;
}
