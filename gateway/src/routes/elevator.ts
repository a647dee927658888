import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import {
  AccidentInputSchema,
  accidentsPer10k,
  asSeenBy,
  CalendarDateSchema,
  carViewOf,
  ContractChangeSchema,
  DeviceCodeSchema,
  EventTimeSchema,
  ElevatorAcceptanceSchema,
  ElevatorAudiences,
  elevatorParties,
  ElevatorRegistrationSchema,
  FaultReportSchema,
  InspectionInputSchema,
  MaintenanceBatchSchema,
  MaintenanceRecordInputSchema,
  MAX_MAINTENANCE_RECORDS_PER_BATCH,
  OnDemandApprovalSchema,
  RecordReferenceSchema,
  RectificationSchema,
  RegionPolicyInputSchema,
  RegistrationNumberSchema,
  RescueArrivalSchema,
  RescueCallSchema,
  runtimeAnchorOf,
  RuntimeAnchorInputSchema,
  runtimeSummaryText,
  RuntimeSummarySchema,
  riskGradeOf,
  shanghaiDateOf,
  StatusChangeSchema,
  WorkerRegistrationSchema,
  UsccSchema,
  type Elevator,
  type MaintenanceRecord,
  type RiskGrade,
} from '../../../model/src';
import { auditRegulatorRead, readerPrincipal, recordAudience } from '../audiences';
import { badRequest, conflictRequest, forbiddenRequest, notFoundRequest } from '../http/httpError';
import { qrFacts, signedCodeUri, unsignedCodeUri } from '../qr';
import { ledgerWriteRoutes } from '../http/ledgerWriteRoute';
import { route } from '../http/route';
import { elevatorRecordId, firmDayId, sumFirmDays, type ElevatorHistoryEntry, type FirmCounters } from '../projection/elevator';
import { readPagedList } from '../projection/pagedList';
import type { GatewayServices, LedgerReading, LedgerWriting } from '../services';
import { mapParallel } from '../store/mapParallel';
import { regulatorReadLog } from '../store/regulatorReadLog';
import { principalOf } from '../auth';
import { answerOf } from '../http/idempotentWrite';
import { RuntimeProofs } from '../runtime/runtimeProofs';
import { runtimeUploadModel } from '../runtime/runtimeStore';

/** A lift by device code or registration number (URL-encode the registration number: it holds Chinese characters and parentheses). */
const ElevatorParams = z.object({ id: z.string().min(4).max(40) });
const RegistrationParams = z.object({ registrationNumber: RegistrationNumberSchema });
const DeviceParams = z.object({ deviceCode: DeviceCodeSchema });
/** Lifts a region query grades one by one; a larger region's grades need a precomputed table (not done). */
const MAX_GRADED_LIFTS = 20_000;
const PageQuery = z.object({ page: z.coerce.number().int().min(0).max(1_000_000).optional() });
/** Up to a day of minute summaries per upload: one anchor, at most 24 h (MAX_ANCHOR_WINDOW_MS). */
/** A period of a firm's figures, in Asia/Shanghai calendar days, both ends included. */
const FirmPeriodQuery = z.object({ from: CalendarDateSchema.optional(), to: CalendarDateSchema.optional() });
/** Where a period without `from` starts: before any lift of this ledger. */
const FIRST_DAY = '2000-01-01';
const RuntimeUploadSchema = z.strictObject({ summaries: z.array(RuntimeSummarySchema).min(1).max(1440) });

/** Lifts written on the ledger, read from the projection, with the store's log of regulators' reads. */
export type ElevatorServices = LedgerWriting & LedgerReading & Pick<GatewayServices, 'projection' | 'store' | 'elevatorViews' | 'resolverBase' | 'codeKey'>;

/**
 * Elevators: the registry and lifecycle of lifts, maintenance records with proof of presence,
 * 96333 rescues, faults, inspections, and reads of a lift and its history. Writes go to the ledger
 * with the token's own identity (a worker signs with theirs); the car page is the resolver's
 * (`/8004/{giai}`). The regulator's writes take the platform admin's token too, as the chaincode
 * lets the admin act as a regulator (the demo registers its lifts so).
 */
export function elevatorRoutes(services: ElevatorServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const tag = 'elevators';
  const json = (value: unknown): string => JSON.stringify(value);
  const writeRoute = ledgerWriteRoutes(router, api, services, tag);

  writeRoute({ path: '/elevators', summary: 'Record an installation\'s acceptance: the lift enters the ledger with the caller (an elevator owner) as its using unit and the firm under contract', body: ElevatorAcceptanceSchema }, 'elevator:acceptInstallation', (b) => [json(b)]);
  writeRoute(
    { path: '/elevators/registrations', summary: 'Record the use registration certificate and the car\'s rescue code (registered regulator)', body: ElevatorRegistrationSchema, roles: ['regulator', 'admin'] },
    'elevator:registerElevator',
    (b) => [json(b)],
  );
  writeRoute({ path: '/elevators/contract-changes', summary: 'Name another maintenance firm under contract (using unit)', body: ContractChangeSchema }, 'elevator:changeContract', (b) => [json(b)]);
  writeRoute(
    { path: '/elevators/status-changes', summary: 'Suspend, resume or scrap a lift (using unit or regulator)', body: StatusChangeSchema, roles: ['enterprise', 'regulator', 'admin'] },
    'elevator:changeStatus',
    (b) => [json(b)],
  );
  writeRoute(
    { path: '/elevators/region-policies', summary: 'Set a region\'s policy: workers on site, urban or not (rescue arrival limit), rescue code length, repeated-fault rule (regulator)', body: RegionPolicyInputSchema, roles: ['regulator', 'admin'] },
    'elevator:setRegionPolicy',
    (b) => [json(b)],
  );
  writeRoute(
    { path: '/elevators/:registrationNumber/on-demand', summary: 'Approve on-demand maintenance for a lift meeting the pilot conditions (regulator)', body: OnDemandApprovalSchema, params: RegistrationParams, roles: ['regulator', 'admin'] },
    'elevator:approveOnDemand',
    (b, p) => [p.registrationNumber, json(b)],
  );
  writeRoute({ path: '/elevators/workers', summary: 'Register a worker of the caller\'s maintenance firm with the operator certificate', body: WorkerRegistrationSchema }, 'elevator:registerWorker', (b) => [json(b)]);
  writeRoute(
    {
      path: '/elevators/maintenance',
      summary: 'Record a maintenance visit, as one of the workers on site: every item of the tier done or skipped, workers, arrival and departure, evidence hashes, and the proof of presence (device codes, or the machine room\'s static code)',
      body: MaintenanceRecordInputSchema,
    },
    'elevator:recordMaintenance',
    (b) => [json(b)],
  );
  writeRoute(
    { path: '/elevators/maintenance/batches', summary: `Record up to ${MAX_MAINTENANCE_RECORDS_PER_BATCH} visits at once as one of their workers, each checked as a single record, all or none (one lift at most once)`, body: MaintenanceBatchSchema },
    'elevator:recordMaintenanceBatch',
    (b) => [json(b)],
  );
  writeRoute({ path: '/elevators/maintenance/signatures', summary: 'Sign a maintenance record as another worker named in it', body: RecordReferenceSchema }, 'elevator:signMaintenance', (b) => [json(b)]);
  writeRoute({ path: '/elevators/maintenance/acknowledgements', summary: 'Acknowledge a maintenance visit on site (using unit): a static-code record becomes weak proof', body: RecordReferenceSchema }, 'elevator:acknowledgeMaintenance', (b) => [json(b)]);
  writeRoute({ path: '/elevators/rescues', summary: 'Record a 96333 entrapment call and its dispatch (call centre)', body: RescueCallSchema }, 'elevator:recordRescueCall', (b) => [json(b)]);
  writeRoute({ path: '/elevators/rescues/arrivals', summary: 'Record the rescuer\'s arrival and the release (the dispatched firm); late arrivals raise a clue', body: RescueArrivalSchema }, 'elevator:recordRescueArrival', (b) => [json(b)]);
  writeRoute({ path: '/elevators/faults', summary: 'Report a fault (using unit or firm under contract); repeated faults raise a clue', body: FaultReportSchema }, 'elevator:reportFault', (b) => [json(b)]);
  writeRoute({ path: '/elevators/inspections', summary: 'Record a periodic inspection or self-test with its defects (inspection body)', body: InspectionInputSchema }, 'elevator:recordInspection', (b) => [json(b)]);
  writeRoute({ path: '/elevators/inspections/rectifications', summary: 'Confirm a defect rectified (the inspection body that found it)', body: RectificationSchema }, 'elevator:confirmRectification', (b) => [json(b)]);
  writeRoute(
    { path: '/elevators/accidents', summary: 'Record an elevator accident after its investigation (regulator): counted per region towards accidents per 10,000 lifts', body: AccidentInputSchema, roles: ['regulator', 'admin'] },
    'elevator:recordAccident',
    (b) => [json(b)],
  );
  writeRoute(
    { path: '/elevators/:deviceCode/overdue-checks', summary: 'Raise the overdue-maintenance and unregistered alerts the lift\'s clocks call for now (what the scheduled sweep does)', body: z.strictObject({}), params: DeviceParams, roles: ['enterprise', 'regulator', 'admin'] },
    'elevator:checkOverdue',
    (_b, p) => [p.deviceCode],
  );

  const uploads = runtimeUploadModel(services.store);
  const readLog = regulatorReadLog(services.store);
  route(
    router,
    api,
    {
      method: 'post', path: '/elevators/:deviceCode/runtime-summaries', tag, roles: ['enterprise'], idempotent: true, params: DeviceParams, body: RuntimeUploadSchema,
      source: 'ledger: submit, answers after commit',
      summary: 'Upload up to a day of the lift\'s IoT runtime summaries (runs, door cycles, faults, trapped events per window; the using unit): stored off chain, anchored on chain as one Merkle root with the totals, counted towards the on-demand rule',
      success: { status: 201, description: 'committed: the anchor, its transaction id and block' },
    },
    async ({ params, body }, request, response) => {
      const anchor = RuntimeAnchorInputSchema.parse(runtimeAnchorOf(params.deviceCode, body.summaries));
      const sorted = [...body.summaries].sort((a, b) => Date.parse(a.windowStart) - Date.parse(b.windowStart));
      const id = `${params.deviceCode}|${anchor.windowStart}`;
      const stored = await uploads.findById(id).lean();
      if (stored && stored.merkleRoot !== anchor.merkleRoot) {
        throw conflictRequest(`windowStart: summaries of elevator ${params.deviceCode} from ${anchor.windowStart} were uploaded with other content (root ${stored.merkleRoot})`);
      }
      // Stored before it is anchored, so an anchored root always has its summaries off chain.
      await uploads.replaceOne(
        { _id: id },
        { _id: id, lines: sorted.map((summary) => runtimeSummaryText(params.deviceCode, summary)).join('\n'), merkleRoot: anchor.merkleRoot, receivedAt: new Date() },
        { upsert: true },
      );
      const principal = principalOf(response);
      return answerOf(await services.writer.write(request, principal.sub, services.signing.for(principal), 'elevator:anchorRuntime', [json(anchor)]));
    },
  );

  const runtimeProofs = new RuntimeProofs(uploads, services.ledger, services.readerIdentity);
  route(
    router,
    api,
    {
      method: 'get', path: '/elevators/:deviceCode/runtime-summaries/:windowStart/proof', tag, roles: ['enterprise', 'regulator', 'admin'], source: 'ledger: evaluate',
      params: z.object({ deviceCode: DeviceCodeSchema, windowStart: EventTimeSchema }),
      summary: 'Inclusion proof of one IoT runtime summary (by its window start; URL-encode a `+` offset) against the root anchored on the ledger, for the lift\'s using unit, its firm and regulators; check it with `verifyRuntimeSummaryProof` or `npm run verify-runtime`',
      success: { status: 200, description: '{deviceCode, summary, proof, merkleRoot, anchor}' },
    },
    async ({ params }, _request, response) => {
      const elevator = await services.ledger.evaluate<Elevator>(services.readerIdentity, 'elevator:getElevator', params.deviceCode);
      const principal = readerPrincipal(response);
      const audience = recordAudience(principal, elevatorParties(elevator));
      if (audience === 'public') throw forbiddenRequest(`the runtime of elevator ${elevator.deviceCode} is for its using unit ${elevator.usingUnitId}, its maintenance firm ${elevator.maintenanceFirmId} and regulators`);
      await auditRegulatorRead(readLog, principal, audience, 'GET /elevators/:deviceCode/runtime-summaries/:windowStart/proof', elevator.deviceCode);
      return { body: await runtimeProofs.proofOf(elevator.deviceCode, params.windowStart) };
    },
  );

  route(
    router,
    api,
    {
      method: 'post', path: '/elevators/:deviceCode/codes', tag, roles: ['enterprise', 'admin'], source: 'ledger: evaluate', params: DeviceParams, body: z.strictObject({}),
      summary: 'Issue the codes of the lift\'s car label (its using unit or firm): the signed GIAI Digital Link and a short one, with QR version and minimum print size',
      success: { status: 201, description: 'the signed and the short code, with QR facts' },
    },
    async ({ params }, _request, response) => {
      const principal = principalOf(response);
      const elevator = await services.ledger.evaluate<Elevator>(services.readerIdentity, 'elevator:getElevator', params.deviceCode);
      if (principal.role === 'enterprise' && !elevatorParties(elevator).includes(principal.ent ?? '')) {
        throw forbiddenRequest(`only the using unit or the firm under contract of elevator ${elevator.deviceCode} may issue its codes`);
      }
      const id = { kind: 'asset' as const, giai: elevator.giai };
      const signed = await signedCodeUri(services.resolverBase, id, services.codeKey.kid, services.codeKey.privateKey);
      const short = unsignedCodeUri(services.resolverBase, id);
      return { status: 201, body: { signed: { uri: signed, qr: qrFacts(signed) }, short: { uri: short, qr: qrFacts(short) }, keyId: services.codeKey.kid } };
    },
  );

  const views = services.elevatorViews;
  const find = async (id: string): Promise<Elevator> => {
    const elevator = await views.byId(id);
    if (!elevator) throw notFoundRequest(`no elevator is projected under device code or registration number ${id} (unknown, or not yet: retry in a moment)`);
    return elevator;
  };

  route(
    router,
    api,
    {
      method: 'get', path: '/elevators/:id', tag, source: 'projection', params: ElevatorParams,
      summary: 'A lift by device code or registration number, with its fitness, overdue state and risk grade (with its inputs) now; the public sees what the car page shows',
      success: { status: 200, description: 'the lift as the caller\'s audience sees it, and its verdicts now' },
    },
    async ({ params }, _request, response) => {
      const elevator = await find(params.id);
      const principal = readerPrincipal(response);
      const audience = recordAudience(principal, elevatorParties(elevator));
      await auditRegulatorRead(readLog, principal, audience, 'GET /elevators/:id', elevator.deviceCode);
      const now = Date.now();
      const { fit, reasons, overdue } = carViewOf(elevator, now);
      return { body: { elevator: asSeenBy(ElevatorAudiences.elevator, audience, elevator), fit, reasons, overdue, risk: riskGradeOf(elevator, now) } };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/elevators/:id/history', tag, source: 'projection', params: ElevatorParams, query: PageQuery,
      summary: 'A lift\'s history, oldest first, a page at a time: maintenance, rescues, faults, inspections and alerts (the public sees maintenance days and verdicts only)',
      success: { status: 200, description: 'the history entries of the page, each with its record as the caller\'s audience sees it' },
    },
    async ({ params, query }, _request, response) => {
      const elevator = await find(params.id);
      const principal = readerPrincipal(response);
      const audience = recordAudience(principal, elevatorParties(elevator));
      await auditRegulatorRead(readLog, principal, audience, 'GET /elevators/:id/history', elevator.deviceCode);
      const page = await readPagedList(services.projection.models.elevatorHistory, elevator.deviceCode, query.page ?? 0);
      const entries = (page?.items ?? []) as ElevatorHistoryEntry[];
      const shown = audience === 'public' ? entries.filter((entry) => entry.kind === 'maintenance') : entries;
      const records = await Promise.all(
        shown.map(async (entry) => {
          const doc = await services.projection.models.elevatorRecords.findById(elevatorRecordId(entry.kind, elevator.deviceCode, entry.recordId)).lean();
          const record = doc?.record;
          if (record && entry.kind === 'maintenance') return { ...entry, record: asSeenBy(ElevatorAudiences.maintenanceRecord, audience, record as unknown as MaintenanceRecord) };
          return { ...entry, record };
        }),
      );
      return { body: records, headers: { 'X-Page': String(page?.page ?? 0), 'X-Pages': String(page?.pages ?? 0) } };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/elevators/firms/:firmId/stats', tag, source: 'projection', roles: ['regulator', 'admin'], params: z.object({ firmId: UsccSchema }), query: FirmPeriodQuery,
      summary: 'A maintenance firm compared: its lifts, records, unproven and late rates, overdue clues, faults per lift, rescues with mean and longest arrival and how many were late; with `from` and/or `to` (Asia/Shanghai days), also the same figures of that period (`period`, with the overdue rate per lift)',
      success: { status: 200, description: 'the firm\'s figures since the projection began, and of the period asked for' },
    },
    async ({ params, query }) => {
      const stats = await services.projection.models.elevatorFirmStats.findById(params.firmId).lean();
      if (!stats) throw notFoundRequest(`no lift or record of firm ${params.firmId} is projected`);
      const rate = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 1000) / 1000);
      const lifts = stats.lifts.length;
      const figures = (counts: FirmCounters) => ({
        records: counts.records,
        unprovenRate: rate(counts.unproven, counts.records),
        outsideIntervalRate: rate(counts.outsideInterval, counts.records),
        overdueAlerts: counts.overdueAlerts,
        faultsPerLift: rate(counts.faults, lifts),
        rescues: { count: counts.rescues, meanArrivalMinutes: rate(counts.rescueMinutesTotal, counts.rescues), longestArrivalMinutes: counts.rescueMinutesMax, late: counts.lateRescues },
      });
      let period: Record<string, unknown> | undefined;
      if (query.from !== undefined || query.to !== undefined) {
        const from = query.from ?? FIRST_DAY;
        const to = query.to ?? shanghaiDateOf(Date.now());
        if (to < from) throw badRequest('to: must not lie before from');
        // One `_id` range: the firm's day documents of the period, in day order.
        const days = await services.projection.models.elevatorFirmDays.find({ _id: { $gte: firmDayId(params.firmId, from), $lte: firmDayId(params.firmId, to) } }).lean();
        const counts = sumFirmDays(days);
        period = { from, to, ...figures(counts), faults: counts.faults, overdueRate: rate(counts.overdueAlerts, lifts) };
      }
      return { body: { firmId: params.firmId, lifts, ...figures(stats), ...(period ? { period } : {}) } };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/elevators/regions/:region/stats', tag, source: 'projection', roles: ['regulator', 'admin'], params: z.object({ region: z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative region code') }),
      summary: `A region's lifts in use by risk grade now, its accidents and accidents per 10,000 lifts (the plan's target: below 0.18); grades read each lift, up to ${MAX_GRADED_LIFTS.toLocaleString('en')}`,
      success: { status: 200, description: 'the region\'s figures' },
    },
    async ({ params }) => {
      const stats = await services.projection.models.elevatorRegionStats.findById(params.region).lean();
      const lifts = stats?.lifts ?? [];
      const now = Date.now();
      const grades: Record<RiskGrade, number> = { A: 0, B: 0, C: 0, D: 0 };
      await mapParallel(lifts.slice(0, MAX_GRADED_LIFTS), 8, async (deviceCode) => {
        const doc = await services.projection.models.elevators.findById(deviceCode).lean();
        if (doc) grades[riskGradeOf(doc.record as unknown as Elevator, now).grade]++;
      });
      return {
        body: {
          region: params.region,
          lifts: lifts.length,
          byRiskGrade: grades,
          graded: Math.min(lifts.length, MAX_GRADED_LIFTS),
          accidents: stats?.accidents ?? 0,
          deaths: stats?.deaths ?? 0,
          accidentsPer10k: accidentsPer10k(stats?.accidents ?? 0, lifts.length),
        },
      };
    },
  );

  return router;
}
