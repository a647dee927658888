import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { KeyVault, ledgerStanding, loadOrCreateSigningKeys, PrincipalStanding, SigningIdentities, TokenDenyList, TokenService } from './auth';
import { servedOverHttps, type GatewayConfig } from './config';
import { Ledger, ledgerRefusalOf, type ClientIdentity } from './fabric';
import { RegistryReader } from './fabric/registryReader';
import { IdempotentWriter } from './http/idempotentWrite';
import { idempotencyModel, IdempotentSubmitter } from './ledgerWrites';
import { ConsumerViews } from './consumer/consumerViews';
import { ElevatorViews } from './consumer/elevatorViews';
import { CoverageSweeper, pendingCoverageCheckModel } from './coverage/coverageSweeper';
import { CLUE_ESCALATION_SECONDS, CLUE_INTAKE_SECONDS, ClueEscalation, ClueIntake } from './clues';
import { CheckScheduler, coldChainHooks, drugHooks, elevatorHooks, samplingHooks, type ScheduledCheck } from './domains';
import type { DrugCommissioning } from '../../model/src';
import { DrugCodeReader, drugCodeListModels } from './drugCodes';
import { OverdueSweeper } from './overdue/overdueSweeper';
import { RecallOverdueSweeper } from './overdue/recallOverdueSweeper';
import { FinalitySweeper } from './sampling/finalitySweeper';
import { Metrics } from './metrics';
import { CertificateAuthority } from './onboarding/certificateAuthority';
import { Enrollment } from './onboarding/enrollment';
import { ProjectionLeadership } from './projection/projectionLeadership';
import { Projector } from './projection/projector';
import { projectionReadsOf } from './projection/projectionReads';
import { primaryDataRetention } from './retention';
import { codeKeySet, CodeVerdicts, loadOrCreateCodeKeyring } from './qr';
import { scansAfterSaleModel, scanTallyModel, scanWindowModel } from './scans/scanEvents';
import { ScanMonitor } from './scans/scanMonitor';
import type { GatewayServices } from './services';
import { connectStore } from './store/connection';
import { tokenRevocationRecords } from './store/tokenRevocations';

/** Connects to the ledger and the store and builds every service the routes use. */
export async function buildServices(config: GatewayConfig): Promise<GatewayServices> {
  const log = pino({ name: 'gateway', level: config.logLevel });
  const peers = Object.fromEntries(
    Object.entries(config.peers).map(([mspId, peer]) => [mspId, { address: peer.address, tlsRootCert: fs.readFileSync(peer.tlsRootCert), tlsServerName: peer.tlsServerName }]),
  );
  const ledger = new Ledger(peers, config.channel, config.chaincode);
  const readerIdentity: ClientIdentity = config.reader;
  const reader = ledger.gatewayFor(readerIdentity);
  const store = await connectStore(config.mongoUri);
  const projector = new Projector(reader, config.channel, config.chaincode, store, log.child({ part: 'projection' }), {
    lagAlertBlocks: config.projectionLagAlertBlocks,
    // Fault injection never reaches a deployment: only the test network's profile honours it.
    faultMarker: config.profile === 'test' ? config.projectionFaultMarker : undefined,
  });
  const vault = new KeyVault(path.join(config.dataDir, 'custodial-keys'));
  const registry = new RegistryReader(ledger, readerIdentity);
  const codeKeys = await loadOrCreateCodeKeyring(config.dataDir);
  const coverage = new CoverageSweeper(
    pendingCoverageCheckModel(store),
    async (lotId) => {
      await ledger.submit(config.intake, 'coldchain:checkTemperatureCoverage', [lotId]);
    },
    log.child({ part: 'coverage' }),
  );
  projector.coldChain.onCustodyChanged((update, source) => coverage.schedule(update, source.txId));
  const drugCodeLists = drugCodeListModels(store);
  const drugCodes = new DrugCodeReader(projector.models, drugCodeLists, projector.cache, (code) => ledger.evaluate<DrugCommissioning>(readerIdentity, 'drug:getCommissioningOfCode', code).catch(() => undefined));
  const overdue = new OverdueSweeper(
    projector.models,
    async (deviceCode) => {
      await ledger.submit(config.intake, 'elevator:checkOverdue', [deviceCode]);
    },
    log.child({ part: 'overdue' }),
  );
  const finality = new FinalitySweeper(
    projector.models,
    async (sampleId) => {
      await ledger.submit(config.intake, 'sampling:finalizeSample', [JSON.stringify({ sampleId })]);
    },
    log.child({ part: 'sampling-finality' }),
  );
  const domains = [coldChainHooks({ models: projector.models, cache: projector.cache, coverage, coverageSweepSeconds: config.coverageSweepSeconds }), drugHooks({ models: projector.models, codes: drugCodes }), elevatorHooks(overdue), samplingHooks(finality)];
  const clueIntake = new ClueIntake(
    projector.models,
    domains,
    async (alert) => {
      await ledger.submit(config.intake, 'clues:raiseFromAlert', [alert.domain, alert.itemId, alert.alertId]);
    },
    log.child({ part: 'clue-intake' }),
  );
  projector.onEvent((event) => clueIntake.hear(event));
  const clueEscalation = new ClueEscalation(
    projector.models,
    async (clue) => {
      await ledger.submit(config.intake, 'clues:escalateClue', [JSON.stringify(clue)]);
    },
    log.child({ part: 'clue-escalation' }),
  );
  const clueChecks: ScheduledCheck[] = [
    { name: 'clue intake of alerts', everySeconds: CLUE_INTAKE_SECONDS, run: () => clueIntake.drain() },
    { name: 'clue escalation', everySeconds: CLUE_ESCALATION_SECONDS, run: (now) => clueEscalation.sweep(now) },
  ];
  const recallOverdue = new RecallOverdueSweeper(
    projector.models,
    async (recallId) => {
      await ledger.submit(config.intake, 'recalls:markOverdue', [recallId]);
    },
    log.child({ part: 'recall-overdue' }),
  ).check();
  const scheduler = new CheckScheduler(log.child({ part: 'scheduled-checks' }));
  const follower = projector.follower(log.child({ part: 'projection-follower' }));
  projector.observe(follower);
  const leadership = new ProjectionLeadership(
    projector.lease(`${os.hostname()}:${process.pid}`, config.projectorLeaseSeconds * 1000),
    projector,
    follower,
    // Scheduled checks run on the lease holder only: one gateway sweeps, however many serve.
    { start: () => scheduler.start([...domains.flatMap((domain) => domain.scheduledChecks), ...clueChecks, recallOverdue, primaryDataRetention(store, config)]), stop: () => scheduler.stop() },
    log.child({ part: 'projection-lease' }),
    config.projectionRole,
  );
  const tokens = new TokenService(await loadOrCreateSigningKeys(config.dataDir), codeKeySet(codeKeys).keys);
  return {
    domains,
    clueChecks,
    scheduler,
    recallOverdue,
    leadership,
    ledger,
    readerIdentity,
    intakeIdentity: config.intake,
    reader,
    store,
    projector,
    projection: projectionReadsOf(projector),
    tokens,
    codeKey: codeKeys.current,
    // The code keys alone, not the whole JWKS: the token key has no say over labels.
    codeVerdicts: new CodeVerdicts(codeKeySet(codeKeys)),
    drugCodes,
    drugCodeLists,
    consumerViews: new ConsumerViews(projector.models, projector.cache, log.child({ part: 'consumer-views' }), (lotId) => projector.writtenJourney(lotId)),
    elevatorViews: new ElevatorViews(projector.models, projector.cache),
    resolverBase: config.resolverBase ?? `http://${config.host}:${config.port}`,
    publicHttps: servedOverHttps(config),
    signing: new SigningIdentities(vault, config.platformAdmin),
    revocations: new TokenDenyList(tokenRevocationRecords(store), log.child({ part: 'token-revocations' })),
    standing: new PrincipalStanding(ledgerStanding(registry)),
    registry,
    writer: new IdempotentWriter(new IdempotentSubmitter(ledger, idempotencyModel(store), reader)),
    enrollment: new Enrollment(
      Object.fromEntries(Object.entries(config.certificateAuthorities).map(([org, ca]) => [org, new CertificateAuthority(ca, config.fabricCaClient)])),
      vault,
      path.join(config.dataDir, 'enrollments'),
      registry,
    ),
    scans: new ScanMonitor(
      scanTallyModel(store),
      scanWindowModel(store),
      scansAfterSaleModel(store),
      async (anomaly) => {
        try {
          await ledger.submit(config.intake, 'clues:fileScanAnomaly', [JSON.stringify(anomaly)]);
          log.warn({ anomaly }, 'scan anomaly filed as a risk clue');
        } catch (error) {
          // Already filed for this hour (by an earlier process): the ledger keeps one.
          if (ledgerRefusalOf(error)?.kind !== 'CONFLICT') throw error;
        }
      },
      log.child({ part: 'scans' }),
      config.dataDir,
    ),
    trustProxy: config.trustProxy,
    metrics: new Metrics(),
    log,
    anonymousRateLimitPerMinute: config.anonymousRateLimitPerMinute,
    enterpriseWritesPerMinute: config.enterpriseWritesPerMinute,
  };
}
