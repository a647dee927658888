import { createHash } from 'node:crypto';
import { requiredItems } from '../../../../model/src';
import { ACCEPT_JSON, idempotencyKey, type ExampleCall } from '../exampleCall';

/** The lift of the story: a traction lift in a Binjiang office tower, maintained by a Hangzhou firm. */
const DEVICE_CODE = '3110330108{run}';
/** The car code: a GIAI under the using unit's own GIAI company prefix (the story's prefix, assigned again for assets). */
const GIAI = '{prefix}LIFT{run}';
const REGISTRATION = '梯11浙A{run}';
const REGION = '330108';
/** The key the lift's monitoring device signs presence codes with (SPKI PEM, P-256). */
const DEVICE_KEY_PEM = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEa1rUhlYdoxLN/sPjUAW4lG64GMDb\n0HgFRzUHbm8Cou37I2vutVpNKW3r0mp3a4gLJ3p8mjBFgAOYmrc+6ekcKg==\n-----END PUBLIC KEY-----\n';
/** The code on the machine-room wall; the ledger keeps only its hash. */
const STATIC_CODE = 'MR-WALL-0108';
const HALF_MONTHLY_ITEMS = requiredItems('traction', 'halfMonthly').map((item) => item.id);

const onboard = (key: string, id: string, name: string, kinds: string[], enrollmentId: string, token: 'liftOwnerToken' | 'liftFirmToken' | 'inspectionBodyToken' | 'callCentreToken'): ExampleCall => ({
  title: `Onboard ${name}`,
  method: 'post', path: '/admin/enterprises', caller: 'admin', headers: idempotencyKey(key),
  body: { id, name, kinds, region: REGION, enrollmentId, custody: 'custodial' },
  status: 201, response: { enterprise: { id, kinds, status: 'active' } },
  keep: { [token]: 'body.token' },
});

/**
 * The elevator chapter: a lift enters the ledger at its acceptance, the registration authority
 * registers it, the firm's worker records a visit proven by the machine room's code and the using
 * unit's acknowledgement, an inspection passes with a defect later rectified, a 96333 call is
 * answered within the limit, a fault is reported; then anyone reads the lift and scans its car.
 */
export const elevatorExamples: readonly ExampleCall[] = [
  onboard('onboard-lift-owner', '{liftOwnerId}', 'Binjiang Tower Property Management', ['elevatorOwner'], 'lift-owner-{run}', 'liftOwnerToken'),
  {
    title: 'Assign the using unit its GIAI company prefix: the ledger registers lifts only under car codes of the using unit\'s own prefixes',
    method: 'post', path: '/admin/prefixes', caller: 'admin', headers: idempotencyKey('assign-lift-prefix'),
    body: { kind: 'giai', prefix: '{prefix}', enterpriseId: '{liftOwnerId}' },
    status: 201, response: { result: { kind: 'giai', prefix: '{prefix}', enterpriseId: '{liftOwnerId}' } },
  },
  onboard('onboard-lift-firm', '{liftFirmId}', 'Hangzhou Safe Lift Maintenance Co.', ['maintenanceFirm'], 'lift-worker-{run}', 'liftFirmToken'),
  {
    title: 'Enroll the firm\'s second worker: each worker signs records with an identity of their own',
    method: 'post', path: '/admin/enterprises/{id}/identities', params: { id: '{liftFirmId}' }, caller: 'admin', headers: idempotencyKey('lift-coworker'),
    body: { enrollmentId: 'lift-coworker-{run}' },
    status: 201, response: { identity: { enrollmentId: 'lift-coworker-{run}', custody: 'custodial' } },
    keep: { liftCoworkerToken: 'body.token' },
  },
  onboard('onboard-inspection-body', '{inspectionBodyId}', 'Hangzhou Special Equipment Inspection Institute', ['inspectionBody'], 'inspector-{run}', 'inspectionBodyToken'),
  onboard('onboard-call-centre', '{callCentreId}', 'Hangzhou 96333 Emergency Centre', ['rescueCallCentre'], 'call-centre-{run}', 'callCentreToken'),
  {
    title: 'Set Binjiang\'s elevator policy: two workers on site, an urban 30-minute rescue limit, 6-digit rescue codes, three faults in 30 days are repeated',
    method: 'post', path: '/elevators/region-policies', caller: 'regulator', headers: idempotencyKey('region-policy'),
    body: { region: REGION, workersOnSite: 2, urban: true, rescueCodeLength: 6, repeatedFaults: 3, repeatedFaultDays: 30 },
    status: 201, response: { result: { regionPolicies: [{ region: REGION, workersOnSite: 2 }] } },
  },
  {
    title: 'Register a worker of the firm with the operator certificate',
    method: 'post', path: '/elevators/workers', caller: 'liftFirm', headers: idempotencyKey('lift-worker'),
    body: { enrollmentId: 'lift-worker-{run}', name: 'Wang Wei', certificateNumber: 'TSZ3301081990{run}', certificateValidUntil: '2030-06-30' },
    status: 201, response: { result: { workers: [{ enrollmentId: 'lift-worker-{run}', firmId: '{liftFirmId}' }] } },
  },
  {
    title: 'And the second worker',
    method: 'post', path: '/elevators/workers', caller: 'liftFirm', headers: idempotencyKey('lift-coworker-certificate'),
    body: { enrollmentId: 'lift-coworker-{run}', name: 'Li Na', certificateNumber: 'TSZ3301081992{run}', certificateValidUntil: '2029-03-31' },
    status: 201, response: { result: { workers: [{ enrollmentId: 'lift-coworker-{run}', firmId: '{liftFirmId}' }] } },
  },
  {
    title: 'Record the installation\'s acceptance: the lift enters the ledger, the caller its using unit',
    method: 'post', path: '/elevators', caller: 'liftOwner', headers: idempotencyKey('lift-acceptance'),
    body: {
      deviceCode: DEVICE_CODE, giai: GIAI, type: 'traction', maker: 'Hangzhou Lift Works', installedOn: '{liftAcceptedOn}', acceptedOn: '{liftAcceptedOn}',
      address: 'Binjiang Tower, 100 Jianghong Rd, Hangzhou', region: REGION, coordinates: { latMicro: 30_208_000, lngMicro: 120_211_000 },
      ratedLoadKg: 1050, ratedSpeedMmPerS: 2500, floors: 24, maintenanceFirmId: '{liftFirmId}', hotline: '0571-86660000',
      staticCodeSha256: createHash('sha256').update(STATIC_CODE).digest('hex'),
      monitoringDevice: { deviceId: 'MON-330108-{run}', publicKeyPem: DEVICE_KEY_PEM },
    },
    status: 201, response: { result: { elevators: [{ deviceCode: DEVICE_CODE, status: 'accepted', usingUnitId: '{liftOwnerId}' }] } },
  },
  {
    title: 'Register the lift: its use registration certificate and the rescue code posted in the car',
    method: 'post', path: '/elevators/registrations', caller: 'regulator', headers: idempotencyKey('lift-registration'),
    body: { deviceCode: DEVICE_CODE, registrationNumber: REGISTRATION, registeredOn: '{liftRegisteredOn}', rescueCode: '{rescueCode}' },
    status: 201, response: { result: { elevators: [{ status: 'registered', registrationNumber: REGISTRATION, due: { halfMonthly: { rule: 'fixedInterval' } } }] } },
  },
  {
    title: 'Issue the codes of the car\'s label: the signed GIAI Digital Link for the QR on the wall, and a short one',
    method: 'post', path: '/elevators/{deviceCode}/codes', params: { deviceCode: DEVICE_CODE }, caller: 'liftOwner', body: {},
    status: 201, response: { short: { uri: `{resolver}/8004/${GIAI}` } },
  },
  {
    title: 'Record a half-monthly visit, every item done, proven by the machine room\'s code (weak until the using unit acknowledges it)',
    method: 'post', path: '/elevators/maintenance', caller: 'liftFirm', headers: idempotencyKey('lift-visit'),
    body: {
      registrationNumber: REGISTRATION, tier: 'halfMonthly', itemsDone: HALF_MONTHLY_ITEMS, findings: 'door sill cleaned; all in order', workers: ['lift-worker-{run}', 'lift-coworker-{run}'],
      arrivedAt: '{liftArrivedAt}', departedAt: '{liftDepartedAt}', evidenceSha256: [createHash('sha256').update('photo of the controller').digest('hex')], staticCode: STATIC_CODE,
    },
    status: 201, response: { result: { maintenanceRecords: [{ tier: 'halfMonthly', outsideInterval: false, presence: { kind: 'staticCode', proven: false } }] } },
    keep: { maintenanceRecordId: 'body.result.maintenanceRecords.0.recordId' },
  },
  {
    title: 'The second worker signs the record with their own identity (the first signed by submitting it)',
    method: 'post', path: '/elevators/maintenance/signatures', caller: 'liftCoworker', headers: idempotencyKey('lift-sign'),
    body: { registrationNumber: REGISTRATION, recordId: '{maintenanceRecordId}' },
    status: 201, response: { result: { maintenanceRecords: [{ workers: ['lift-worker-{run}', 'lift-coworker-{run}'] }] } },
  },
  {
    title: 'The using unit acknowledges the visit on site: the static code becomes weak proof',
    method: 'post', path: '/elevators/maintenance/acknowledgements', caller: 'liftOwner', headers: idempotencyKey('lift-ack'),
    body: { registrationNumber: REGISTRATION, recordId: '{maintenanceRecordId}' },
    status: 201, response: { result: { maintenanceRecords: [{ acknowledgedBy: '{liftOwnerId}', presence: { kind: 'staticCodeAcknowledged', strength: 'weak', proven: true } }] } },
  },
  {
    title: 'The inspection body records a passed periodic inspection with one defect to rectify',
    method: 'post', path: '/elevators/inspections', caller: 'inspectionBody', headers: idempotencyKey('lift-inspection'),
    body: { registrationNumber: REGISTRATION, reportNumber: 'JD-{run}', kind: 'periodic', inspectedOn: '{liftInspectedOn}', result: 'pass', defects: [{ defectId: 'D1', description: 'car light flickers', rectifyBy: '{defectRectifyBy}' }] },
    status: 201, response: { result: { inspections: [{ reportNumber: 'JD-{run}', bodyId: '{inspectionBodyId}', scheduledKind: 'periodic' }] } },
  },
  {
    title: 'It confirms the defect rectified',
    method: 'post', path: '/elevators/inspections/rectifications', caller: 'inspectionBody', headers: idempotencyKey('lift-rectification'),
    body: { registrationNumber: REGISTRATION, defectId: 'D1', confirmedOn: '{liftRectifiedOn}' },
    status: 201, response: { result: { elevators: [{ defects: [{ defectId: 'D1', confirmedOn: '{liftRectifiedOn}' }] }] } },
  },
  {
    title: 'The 96333 centre records an entrapment call and its dispatch of the firm',
    method: 'post', path: '/elevators/rescues', caller: 'callCentre', headers: idempotencyKey('lift-rescue'),
    body: { callId: '96333-{run}', registrationNumber: REGISTRATION, calledAt: '{liftCalledAt}', dispatchedAt: '{liftDispatchedAt}', trappedPassengers: 1 },
    status: 201, response: { result: { rescues: [{ callId: '96333-{run}', callCentreId: '{callCentreId}', firmId: '{liftFirmId}', arrivalLimitMinutes: 30 }] } },
  },
  {
    title: 'The firm records its rescuer\'s arrival, 25 minutes after the call: within the limit, no clue',
    method: 'post', path: '/elevators/rescues/arrivals', caller: 'liftFirm', headers: idempotencyKey('lift-rescue-arrival'),
    body: { callId: '96333-{run}', registrationNumber: REGISTRATION, arrivedAt: '{rescuerArrivedAt}', releasedAt: '{passengersReleasedAt}' },
    status: 201, response: { result: { rescues: [{ arrivalMinutes: 25 }], alerts: [] } },
  },
  {
    title: 'The using unit reports a door fault',
    method: 'post', path: '/elevators/faults', caller: 'liftOwner', headers: idempotencyKey('lift-fault'),
    body: { registrationNumber: REGISTRATION, occurredAt: '{liftFaultAt}', kind: 'doorFault', description: 'door reopens repeatedly on floor 12' },
    status: 201, response: { result: { faults: [{ kind: 'doorFault', reportedBy: '{liftOwnerId}' }] } },
  },
  {
    title: 'Approve on-demand maintenance (the lift has IoT monitoring, the firm is rated A, the owner insured): the next due date will follow the lift\'s runs, within 30 days',
    method: 'post', path: '/elevators/{registrationNumber}/on-demand', params: { registrationNumber: REGISTRATION }, caller: 'regulator', headers: idempotencyKey('lift-on-demand'),
    body: { maxDays: 30, runsPerService: 6000, liabilityInsurancePolicy: 'PICC-2026-0108', firmRating: 'A' },
    status: 201, response: { result: { elevators: [{ interval: { mode: 'onDemand', maxDays: 30 }, due: { halfMonthly: { rule: 'onDemandNoUsage' } } }] } },
  },
  {
    title: 'The using unit uploads the lift\'s runtime summaries: kept off chain, anchored as one root with the totals, counted towards the next due date',
    method: 'post', path: '/elevators/{deviceCode}/runtime-summaries', params: { deviceCode: DEVICE_CODE }, caller: 'liftOwner', headers: idempotencyKey('lift-runtime'),
    body: {
      summaries: [
        { windowStart: '{runtimeFrom}', windowEnd: '{runtimeMid}', runs: 4, doorCycles: 9, faults: 0, trappedEvents: 0 },
        { windowStart: '{runtimeMid}', windowEnd: '{runtimeTo}', runs: 3, doorCycles: 6, faults: 0, trappedEvents: 0 },
      ],
    },
    status: 201, response: { result: { runtimeAnchors: [{ deviceCode: DEVICE_CODE, count: 2, runs: 7, doorCycles: 15, anchoredBy: '{liftOwnerId}' }] } },
  },
  {
    title: 'A regulator asks for the proof of one summary: its audit path to the root anchored on the ledger, checkable without this gateway',
    method: 'get', path: '/elevators/{deviceCode}/runtime-summaries/{windowStart}/proof', params: { deviceCode: DEVICE_CODE, windowStart: '{runtimeMid}' }, caller: 'regulator',
    status: 200, response: { deviceCode: DEVICE_CODE, summary: { runs: 3, doorCycles: 6 }, proof: { leafIndex: 1, treeSize: 2 }, anchor: { count: 2, anchoredBy: '{liftOwnerId}' } },
  },
  {
    title: 'Ask for the overdue check the scheduled sweep makes: the lift was just maintained, nothing to raise',
    method: 'post', path: '/elevators/{deviceCode}/overdue-checks', params: { deviceCode: DEVICE_CODE }, caller: 'regulator', headers: idempotencyKey('lift-overdue'),
    body: {},
    status: 201, response: { result: { alerts: [] } },
  },
  {
    title: 'A batch of visits is checked record by record, all or none: the lift was visited since, so this one is refused, naming it',
    method: 'post', path: '/elevators/maintenance/batches', caller: 'liftFirm', headers: idempotencyKey('lift-visit-batch'),
    body: {
      records: [
        {
          registrationNumber: REGISTRATION, tier: 'halfMonthly', itemsDone: HALF_MONTHLY_ITEMS, workers: ['lift-worker-{run}', 'lift-coworker-{run}'],
          arrivedAt: '{liftArrivedAt}', departedAt: '{liftDepartedAt}', staticCode: STATIC_CODE,
        },
      ],
    },
    status: 400,
  },
  {
    title: 'Naming the firm already under contract is refused',
    method: 'post', path: '/elevators/contract-changes', caller: 'liftOwner', headers: idempotencyKey('lift-contract'),
    body: { registrationNumber: REGISTRATION, maintenanceFirmId: '{liftFirmId}', hotline: '0571-86660000', effectiveOn: '{liftRegisteredOn}' },
    status: 409,
  },
  {
    title: 'Read the lift as anyone: fit for use, its last visit proven, its risk grade with the inputs',
    method: 'get', path: '/elevators/{id}', params: { id: REGISTRATION }, caller: 'consumer', eventual: true,
    status: 200, response: { elevator: { deviceCode: DEVICE_CODE, registrationNumber: REGISTRATION, lastMaintenance: { proven: true } }, fit: true, overdue: false },
  },
  {
    title: 'Its history as the public sees it: maintenance days and verdicts',
    method: 'get', path: '/elevators/{id}/history', params: { id: DEVICE_CODE }, caller: 'consumer', eventual: true,
    status: 200, response: [{ kind: 'maintenance', record: { tier: 'halfMonthly', proven: true } }],
  },
  {
    title: 'Scan the code in the car (JSON here; a phone gets the page): fit, last visit, next due, whom to call',
    method: 'get', path: '/8004/{giai}', params: { giai: GIAI }, caller: 'consumer', headers: ACCEPT_JSON, eventual: true,
    status: 200, response: { elevator: { fit: true, rescueHotline: '96333', rescueCode: '{rescueCode}', hotline: '0571-86660000' } },
  },
  {
    title: 'A regulator compares the firm: its lifts, unproven and late rates, overdue clues, faults, rescue arrivals',
    method: 'get', path: '/elevators/firms/{firmId}/stats', params: { firmId: '{liftFirmId}' }, caller: 'regulator', eventual: true,
    status: 200, response: { firmId: '{liftFirmId}', lifts: 1, records: 1, unprovenRate: 0, outsideIntervalRate: 0, faultsPerLift: 1, rescues: { count: 1, longestArrivalMinutes: 25, late: 0 } },
  },
  {
    title: 'And of a period (Asia/Shanghai days; without `to`, up to today): the same figures, with overdue clues per lift',
    method: 'get', path: '/elevators/firms/{firmId}/stats', params: { firmId: '{liftFirmId}' }, query: { from: '{liftAcceptedOn}' }, caller: 'regulator', eventual: true,
    status: 200, response: { firmId: '{liftFirmId}', period: { from: '{liftAcceptedOn}', records: 1, unprovenRate: 0, overdueAlerts: 0, overdueRate: 0, faults: 1, rescues: { count: 1, late: 0 } } },
  },
  {
    title: 'A regulator records an accident after its investigation',
    method: 'post', path: '/elevators/accidents', caller: 'regulator', headers: idempotencyKey('lift-accident'),
    body: { registrationNumber: REGISTRATION, accidentId: 'SGDJ-{run}', occurredAt: '{liftFaultAt}', kind: 'impact', deaths: 0, injuries: 1, description: 'door struck a passenger who was stepping in' },
    status: 201, response: { result: { accidents: [{ accidentId: 'SGDJ-{run}', region: REGION, deviceCode: DEVICE_CODE }] } },
  },
  {
    title: 'The region\'s lifts by risk grade now, and its accidents per 10,000 lifts',
    method: 'get', path: '/elevators/regions/{region}/stats', params: { region: REGION }, caller: 'regulator', eventual: true,
    status: 200, response: { region: REGION, byRiskGrade: {} },
  },
  {
    title: 'The using unit suspends the lift for a refit: its car page shows it not fit from now on',
    method: 'post', path: '/elevators/status-changes', caller: 'liftOwner', headers: idempotencyKey('lift-suspend'),
    body: { registrationNumber: REGISTRATION, change: 'suspend', on: '{liftRectifiedOn}', reason: 'cab refit' },
    status: 201, response: { result: { elevators: [{ status: 'suspended' }] } },
  },
];
