import { FIXED_POLICY, type Elevator, type IntervalPolicy } from '../../model/src';

/** An on-demand policy as a regulator approves it. */
export const onDemand: IntervalPolicy = { mode: 'onDemand', approvedBy: 'regulator:r1', approvedAt: '2026-01-01T00:00:00.000Z', maxDays: 30, runsPerService: 6000, liabilityInsurancePolicy: 'PICC-1', firmRating: 'A' };

/** A registered traction lift in Hangzhou, maintained and inspected, fit for use in December 2026. */
export function sampleElevator(overrides: Partial<Elevator> = {}): Elevator {
  return {
    deviceCode: '3110330106202600001',
    giai: '6901234ELEV0001',
    type: 'traction',
    maker: 'Hangzhou Lift Works',
    installedOn: '2026-01-05',
    acceptedOn: '2026-01-10',
    address: '1 Wensan Road, Xihu, Hangzhou',
    region: '330106',
    coordinates: { latMicro: 30_276_000, lngMicro: 120_146_000 },
    ratedLoadKg: 1000,
    ratedSpeedMmPerS: 1750,
    floors: 18,
    maintenanceFirmId: '91330100MA2H000001',
    hotline: '0571-88880000',
    staticCodeSha256: 'a'.repeat(64),
    status: 'registered',
    usingUnitId: '91330100MA2H000002',
    registrationNumber: '梯11浙A00123(26)',
    registeredOn: '2026-01-20',
    rescueCode: '123456',
    interval: FIXED_POLICY,
    visits: {},
    due: { halfMonthly: { dueOn: '2026-12-15', rule: 'fixedInterval', figures: { days: 15 } } },
    lastMaintenance: { tier: 'halfMonthly', on: '2026-11-30', recordId: 'r1', firmId: '91330100MA2H000001', proven: true },
    inspection: { reportNumber: 'JD-1', kind: 'periodic', inspectedOn: '2026-01-15', result: 'pass', validUntil: '2027-01-15', bodyId: '91330100MA2H000003' },
    defects: [],
    recentFaults: [],
    recentEntrapments: [],
    recentVisits: [],
    history: [],
    createdAt: '2026-01-10T00:00:00.000Z',
    updatedAt: '2026-01-10T00:00:00.000Z',
    updatedTxId: 'tx',
    ...overrides,
  };
}

