import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const IdentityFiles = z.object({ mspId: z.string(), enrollmentId: z.string(), certificate: z.string(), privateKey: z.string() });

const PeerEndpoint = z.object({
  /** `host:port` of the peer's gRPC endpoint. */
  address: z.string(),
  /** PEM file of the CA that issued the peer's TLS certificate. */
  tlsRootCert: z.string(),
  /** The name the peer's TLS certificate is checked against, when not the host of `address` (an IP cannot be one). */
  tlsServerName: z.string().optional(),
});

/** An organisation's Fabric CA, where the gateway registers and enrolls identities at runtime. */
const CertificateAuthority = z.object({
  mspId: z.string(),
  /** `https://host:port` */
  url: z.string().url(),
  caName: z.string(),
  /** PEM file of the CA's TLS root certificate. */
  tlsRootCert: z.string(),
  /** The `fabric-ca-client` home holding the org's registrar identity (`msp/`), which registers new identities. */
  registrarHome: z.string(),
});

/**
 * Gateway configuration: everything the gateway knows of the network it runs against (peers, CAs,
 * channel, chaincode, its own identities) and of itself. The network scripts write it when they start
 * a network (`.state/<profile>/gateway.json`); the path comes from TRACELEDGER_GATEWAY_CONFIG.
 * LOG_LEVEL, MONGODB_URI, PORT, TRACELEDGER_PROJECTION_LAG_ALERT_BLOCKS, TRACELEDGER_ANONYMOUS_RATE_LIMIT,
 * TRACELEDGER_PUBLIC_HTTPS and the others read below in the environment override the file.
 */
export const GatewayConfigSchema = z.object({
  port: z.number().int().min(1).max(65535),
  host: z.string().default('127.0.0.1'),
  mongoUri: z.string().min(1),
  channel: z.string(),
  chaincode: z.string(),
  /** The name of the network's profile (dev, test, bench); only `test` honours fault injection. */
  profile: z.string(),
  /** Gateway state: token-signing key, sealed custodial keys. Back it up. */
  dataDir: z.string(),
  /** One peer per org, by MSP id; each org's identities submit through their own org's peer. */
  peers: z.record(z.string(), PeerEndpoint),
  /** One CA per org that enrolls client identities at runtime, by the org's name (`regulator`, `supply`, `equipment`); none: no onboarding. */
  certificateAuthorities: z.record(z.string(), CertificateAuthority).default({}),
  /** The `fabric-ca-client` program the gateway registers and enrolls with. */
  fabricCaClient: z.string().default('fabric-ca-client'),
  /** The gateway's own read identity (RegulatorOrg client without role). */
  reader: IdentityFiles,
  /** The platform admin identity admin tokens act with. */
  platformAdmin: IdentityFiles,
  /** The public intake identity that files consumer complaints. */
  intake: IdentityFiles,
  anonymousRateLimitPerMinute: z.number().int().positive().default(1200),
  /** Writes (POST) per enterprise and minute, whatever the body: bounds a valid but endless stream of junk. */
  enterpriseWritesPerMinute: z.number().int().positive().default(600),
  /** How often due temperature coverage checks are submitted. */
  coverageSweepSeconds: z.number().positive().default(60),
  /** Days scan tallies, hourly scan windows and after-sale scan records are kept (0: for ever); README, "Retention". */
  scanRetentionDays: z.number().int().min(0).default(730),
  /** Days raw temperature readings are kept, counted back to the start of a month (0: for ever); README, "Retention". */
  readingRetentionDays: z.number().int().min(0).default(1827),
  /** Behind a reverse proxy: take client addresses from X-Forwarded-For (scans, rate limits). */
  trustProxy: z.boolean().default(false),
  /**
   * Several gateways on one store: `lead` competes for the projector lease (the holder projects and
   * runs the scheduled checks; the others follow), `follow` never projects.
   */
  projectionRole: z.enum(['lead', 'follow']).default('lead'),
  /** How long a projector lease lasts unless renewed: another gateway takes over within about this long after the leader dies. */
  projectorLeaseSeconds: z.number().positive().default(15),
  /** How often (minutes) the consumer views are saved to a snapshot in the data dir, for a fast start (also at shutdown). */
  viewSnapshotMinutes: z.number().positive().default(10),
  /** Projection lag in blocks from which health is degraded and consumer pages warn that data may be out of date. */
  projectionLagAlertBlocks: z.number().int().positive().default(20),
  /** Test profile only: the projection of transactions whose event contains this text fails (dead-letter tests). */
  projectionFaultMarker: z.string().min(8).optional(),
  /** Base URL printed into trace codes (the public address of this resolver); defaults to http://host:port. */
  resolverBase: z.string().url().optional(),
  /**
   * Whether browsers reach the gateway over HTTPS (a TLS-terminating proxy in front): only then are
   * HSTS and `upgrade-insecure-requests` sent. Unset: whether `resolverBase` is an https:// URL.
   */
  publicHttps: z.boolean().optional(),
  /** pino's log level. */
  logLevel: z.string().default('info'),
});

export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const file = env.TRACELEDGER_GATEWAY_CONFIG;
  if (!file) {
    throw new Error('TRACELEDGER_GATEWAY_CONFIG is not set: it must name the gateway configuration (JSON or YAML) that npm start writes');
  }
  const text = fs.readFileSync(file, 'utf8');
  const raw = (/\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text)) as Record<string, unknown>;
  if (env.LOG_LEVEL) raw.logLevel = env.LOG_LEVEL;
  if (env.MONGODB_URI) raw.mongoUri = env.MONGODB_URI;
  if (env.PORT) raw.port = Number.parseInt(env.PORT, 10);
  if (env.TRACELEDGER_RESOLVER_BASE) raw.resolverBase = env.TRACELEDGER_RESOLVER_BASE;
  if (env.TRACELEDGER_TRUST_PROXY) raw.trustProxy = env.TRACELEDGER_TRUST_PROXY === 'true';
  if (env.TRACELEDGER_PUBLIC_HTTPS) raw.publicHttps = env.TRACELEDGER_PUBLIC_HTTPS === 'true';
  if (env.TRACELEDGER_COVERAGE_SWEEP_SECONDS) raw.coverageSweepSeconds = Number(env.TRACELEDGER_COVERAGE_SWEEP_SECONDS);
  if (env.TRACELEDGER_VIEW_SNAPSHOT_MINUTES) raw.viewSnapshotMinutes = Number(env.TRACELEDGER_VIEW_SNAPSHOT_MINUTES);
  if (env.TRACELEDGER_PROJECTION_ROLE) raw.projectionRole = env.TRACELEDGER_PROJECTION_ROLE;
  if (env.TRACELEDGER_PROJECTOR_LEASE_SECONDS) raw.projectorLeaseSeconds = Number(env.TRACELEDGER_PROJECTOR_LEASE_SECONDS);
  if (env.TRACELEDGER_SCAN_RETENTION_DAYS) raw.scanRetentionDays = Number(env.TRACELEDGER_SCAN_RETENTION_DAYS);
  if (env.TRACELEDGER_READING_RETENTION_DAYS) raw.readingRetentionDays = Number(env.TRACELEDGER_READING_RETENTION_DAYS);
  if (env.TRACELEDGER_PROJECTION_LAG_ALERT_BLOCKS) raw.projectionLagAlertBlocks = Number.parseInt(env.TRACELEDGER_PROJECTION_LAG_ALERT_BLOCKS, 10);
  if (env.TRACELEDGER_ENTERPRISE_WRITES_PER_MINUTE) raw.enterpriseWritesPerMinute = Number.parseInt(env.TRACELEDGER_ENTERPRISE_WRITES_PER_MINUTE, 10);
  if (env.TRACELEDGER_ANONYMOUS_RATE_LIMIT) raw.anonymousRateLimitPerMinute = Number.parseInt(env.TRACELEDGER_ANONYMOUS_RATE_LIMIT, 10);
  return GatewayConfigSchema.parse(raw);
}

/** Whether the gateway is served over HTTPS: as configured, else as the public address printed into codes says. */
export function servedOverHttps(config: Pick<GatewayConfig, 'publicHttps' | 'resolverBase'>): boolean {
  return config.publicHttps ?? config.resolverBase?.toLowerCase().startsWith('https://') ?? false;
}

/**
 * Sizes of the projection's pages and of what it keeps in memory. From the environment only, read
 * once at start: pages are a format the projection writes, so every process that projects or reads
 * them (gateway, `scripts/projector.ts`, the test runner, which makes pages small) must agree.
 */
export interface ProjectionTuning {
  /** Projection reads the gateway keeps in memory (TRACELEDGER_READ_CACHE_ENTRIES). */
  readCacheEntries: number;
  /** Journeys the projector keeps after writing them (TRACELEDGER_JOURNEY_CACHE_ENTRIES). */
  journeyCacheEntries: number;
  /** Trace events per page of a subject's timeline (TRACELEDGER_TIMELINE_PAGE_EVENTS). */
  timelinePageEvents: number;
  /** Items per page of an enterprise's `/me/*` lists (TRACELEDGER_ENTERPRISE_PAGE_ITEMS). */
  enterpriseListPageItems: number;
  /** Rows per page of the regulator's export lists of tracking events (TRACELEDGER_EVENT_ROW_PAGE_ITEMS). */
  eventRowPageItems: number;
  /** Test hook: the projector kills itself between writing a block's documents and its checkpoint. */
  crashAfterDocuments: boolean;
}

const positiveOr = (text: string | undefined, fallback: number): number => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export function projectionTuning(env: NodeJS.ProcessEnv = process.env): ProjectionTuning {
  return {
    readCacheEntries: positiveOr(env.TRACELEDGER_READ_CACHE_ENTRIES, 250_000),
    journeyCacheEntries: positiveOr(env.TRACELEDGER_JOURNEY_CACHE_ENTRIES, 20_000),
    timelinePageEvents: positiveOr(env.TRACELEDGER_TIMELINE_PAGE_EVENTS, 200),
    enterpriseListPageItems: positiveOr(env.TRACELEDGER_ENTERPRISE_PAGE_ITEMS, 200),
    eventRowPageItems: positiveOr(env.TRACELEDGER_EVENT_ROW_PAGE_ITEMS, 500),
    crashAfterDocuments: env.TRACELEDGER_PROJECTOR_CRASH_AFTER_DOCUMENTS === '1',
  };
}
