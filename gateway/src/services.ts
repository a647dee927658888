import type { Gateway } from '@hyperledger/fabric-gateway';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { PrincipalStanding, SigningIdentities, TokenDenyList, TokenService } from './auth';
import type { ConsumerViews } from './consumer/consumerViews';
import type { ElevatorViews } from './consumer/elevatorViews';
import type { ClientIdentity, Ledger } from './fabric';
import type { RegistryReader } from './fabric/registryReader';
import type { IdempotentWriter } from './http/idempotentWrite';
import type { CheckScheduler, DomainHooks, ScheduledCheck } from './domains';
import type { DrugCodeListModels, DrugCodeReader } from './drugCodes';
import type { Metrics } from './metrics';
import type { Enrollment } from './onboarding/enrollment';
import type { ProjectionLeadership } from './projection/projectionLeadership';
import type { Projector } from './projection/projector';
import type { ProjectionReads } from './projection/projectionReads';
import type { CodeSigningKey, CodeVerdicts } from './qr';
import type { ScanMonitor } from './scans/scanMonitor';

/**
 * Everything the gateway runs on, built once at start-up (gateway/src/buildServices.ts) and by tests.
 * The app hands it whole to each router; a router declares the few services it uses (a `Pick` of
 * these, or the groups below), so its signature tells what it touches and a test builds only those.
 */
export interface GatewayServices {
  ledger: Ledger;
  /** The gateway's own read identity and its Fabric gateway (public reads, block events). */
  readerIdentity: ClientIdentity;
  /** Files what anonymous consumers report (RegulatorOrg, `tl.role=intake`). */
  intakeIdentity: ClientIdentity;
  reader: Gateway;
  store: Connection;
  /** Runs the projection and reports its status: the server and the system routes only. */
  projector: Projector;
  /** Which gateway on this store projects (and runs scheduled checks); the others follow. */
  leadership: ProjectionLeadership;
  /** Reads of projected documents, for every other route. */
  projection: ProjectionReads;
  tokens: TokenService;
  signing: SigningIdentities;
  /** Revoked tokens (by id, or every token of a principal issued before a time). */
  revocations: TokenDenyList;
  /** Whether the ledger still holds a token's enterprise or regulator active. */
  standing: PrincipalStanding;
  /** Registry reads from the ledger: bindings and revocations. */
  registry: RegistryReader;
  writer: IdempotentWriter;
  enrollment: Enrollment;
  metrics: Metrics;
  log: Logger;
  /** Each domain's hooks for the regulator's work (alert kinds, recall scope, scheduled checks). */
  domains: readonly DomainHooks[];
  /** The clue intake of every domain's alerts and the escalation of overdue clues (scheduled on the lease holder). */
  clueChecks: readonly ScheduledCheck[];
  /** Runs every domain's scheduled checks (e.g. the cold chain's temperature coverage). */
  scheduler: CheckScheduler;
  /** Counts scans off the request path and files clone suspicions. */
  scans: ScanMonitor;
  /** Trust X-Forwarded-For (behind a reverse proxy), so scans and rate limits see real client addresses. */
  trustProxy: boolean;
  /** The trace-code key that signs new codes (the keyring's current one). */
  codeKey: CodeSigningKey;
  /** Verdicts of scanned codes, each distinct code verified once. */
  codeVerdicts: CodeVerdicts;
  /** Drug trace codes: proofs from the stored code lists, states from the projection. */
  drugCodes: DrugCodeReader;
  /** The stored code lists of drug commissionings (primary data). */
  drugCodeLists: DrugCodeListModels;
  /** Every lot's consumer facts in memory, following the projection. */
  consumerViews: ConsumerViews;
  /** Lifts by their car's GIAI, for the car page. */
  elevatorViews: ElevatorViews;
  /** Base URL of the Digital Link resolver written into codes. */
  resolverBase: string;
  /** Browsers reach the gateway over HTTPS: send HSTS and upgrade-insecure-requests (config `servedOverHttps`). */
  publicHttps: boolean;
  /** Anonymous requests per minute per client address before 429. */
  anonymousRateLimitPerMinute: number;
  /** Writes per enterprise and minute (429 past it). */
  enterpriseWritesPerMinute: number;
}

/** Writes to the ledger as the token's own identity, idempotent by key. */
export type LedgerWriting = Pick<GatewayServices, 'writer' | 'signing'>;

/** Reads of the ledger with the gateway's reader identity, which gets records whole (chaincode/src/common/readerAudience.ts). */
export type LedgerReading = Pick<GatewayServices, 'ledger' | 'readerIdentity'>;
