import { z } from 'zod';
import { CalendarDateSchema } from '../calendarDate';
import { cleanId } from '../cleanText';
import { UsccSchema } from '../enterprise';
import type { IntervalPolicy, DueDate } from './intervalPolicy';
import { ElevatorTypes } from './elevatorType';
import type { PeriodicTier, MaintenanceTier } from './maintenanceItems';
import { DeviceIdSchema } from './presenceCode';

/** The device code (设备代码) a lift carries from manufacture; the ledger's key for it. */
export const DeviceCodeSchema = cleanId('3110330106202600001').regex(/^[0-9A-Za-z]{10,32}$/, 'must be 10–32 letters or digits, the device code on the nameplate');

/** The use registration certificate number (使用登记证编号), e.g. `梯11浙A00123(26)`. It names the lift in every write after registration. */
export const RegistrationNumberSchema = cleanId('梯11浙A00123(26)').regex(/^[^\s/?#%\\]{4,40}$/u, 'must be 4–40 characters without spaces, / ? # % or \\');

/** The lift's GIAI (AI 8004, company prefix then asset reference): the code on the car's QR label. */
export const ElevatorGiaiSchema = cleanId('6901234ELEV0001').regex(/^\d{6,12}[0-9A-Za-z]{1,24}$/, 'must be a GIAI: GS1 company prefix digits then letters or digits, 30 at most').max(30);

const RegionCodeSchema = z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative region code');

/** Coordinates in millionths of a degree: integers, so every endorser writes the same bytes. */
export const CoordinatesSchema = z.strictObject({
  latMicro: z.number().int().min(-90_000_000).max(90_000_000),
  lngMicro: z.number().int().min(-180_000_000).max(180_000_000),
});

/** A lift's monitoring device: its id and the SPKI PEM of the key it signs presence codes with. */
export const MonitoringDeviceSchema = z.strictObject({
  deviceId: DeviceIdSchema,
  publicKeyPem: z.string().max(4096).regex(/^-----BEGIN PUBLIC KEY-----/, 'must be an SPKI PEM public key (-----BEGIN PUBLIC KEY-----)'),
});

export type MonitoringDevice = z.infer<typeof MonitoringDeviceSchema>;

/**
 * What the using unit (the owner or property manager, 使用单位) records when the installation passes
 * its acceptance: the lift's facts, where it stands, and the firm it contracted to maintain it.
 */
export const ElevatorAcceptanceSchema = z.strictObject({
  deviceCode: DeviceCodeSchema,
  giai: ElevatorGiaiSchema,
  type: z.enum(ElevatorTypes),
  maker: z.string().trim().min(1).max(200),
  model: z.string().trim().min(1).max(100).optional(),
  installedOn: CalendarDateSchema,
  acceptedOn: CalendarDateSchema,
  address: z.string().trim().min(1).max(300),
  region: RegionCodeSchema,
  coordinates: CoordinatesSchema,
  ratedLoadKg: z.number().int().min(50).max(50_000),
  ratedSpeedMmPerS: z.number().int().min(50).max(20_000),
  floors: z.number().int().min(2).max(300),
  maintenanceFirmId: UsccSchema,
  /** The firm's 24-hour hotline, shown in the car. */
  hotline: z.string().regex(/^[0-9+\- ]{5,20}$/, 'must be a phone number of 5–20 digits, + - or spaces'),
  monitoringDevice: MonitoringDeviceSchema.optional(),
  /** SHA-256 (hex) of the static code posted in the machine room: the weaker proof of presence. */
  staticCodeSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters').optional(),
});

export type ElevatorAcceptance = z.infer<typeof ElevatorAcceptanceSchema>;

/** What the registration authority records when it issues the use registration certificate. */
export const ElevatorRegistrationSchema = z.strictObject({
  deviceCode: DeviceCodeSchema,
  registrationNumber: RegistrationNumberSchema,
  registeredOn: CalendarDateSchema,
  /** The emergency rescue code (应急救援识别码) posted in the car; its length is the region's policy. */
  rescueCode: z.string().regex(/^\d{4,8}$/, 'must be 4–8 digits'),
});

export type ElevatorRegistration = z.infer<typeof ElevatorRegistrationSchema>;

/** The using unit names another maintenance firm, from a day on. */
export const ContractChangeSchema = z.strictObject({
  registrationNumber: RegistrationNumberSchema,
  maintenanceFirmId: UsccSchema,
  hotline: z.string().regex(/^[0-9+\- ]{5,20}$/, 'must be a phone number of 5–20 digits, + - or spaces'),
  effectiveOn: CalendarDateSchema,
});

export type ContractChange = z.infer<typeof ContractChangeSchema>;

export const StatusChanges = ['suspend', 'resume', 'scrap'] as const;

/** Suspension (停用), return to use, or scrapping (报废): the using unit's, or a regulator's. */
export const StatusChangeSchema = z.strictObject({
  registrationNumber: RegistrationNumberSchema,
  change: z.enum(StatusChanges),
  on: CalendarDateSchema,
  reason: z.string().trim().min(3, 'must say why in at least 3 characters').max(500),
});

export type StatusChange = z.infer<typeof StatusChangeSchema>;

export type ElevatorStatus = 'accepted' | 'registered' | 'suspended' | 'scrapped';

/** One event of a lift's life, kept on its record (bounded by MAX_ELEVATOR_LIFECYCLE_EVENTS). */
export interface ElevatorLifecycleEvent {
  kind: 'acceptance' | 'registration' | 'contractChange' | 'suspend' | 'resume' | 'scrap' | 'intervalPolicy';
  on: string;
  by: string;
  detail?: string;
  txId: string;
}

/** The last visit of a tier and what it proved. */
export interface TierVisit {
  on: string;
  recordId: string;
  firmId: string;
  proven: boolean;
  /** Device codes are strong proof, an acknowledged static code weak (absent on none). */
  strength?: 'strong' | 'weak' | 'none';
}

/** A defect an inspection found, open until the inspection body confirms its rectification. */
export interface InspectionDefect {
  defectId: string;
  description: string;
  rectifyBy: string;
  inspectionReport: string;
  /** The inspection body that found it, the one that confirms its rectification. */
  bodyId: string;
  confirmedOn?: string;
}

/** A lift as the ledger keeps it: its facts, status, contract, clocks and the bounded memory its rules need. */
export interface Elevator extends ElevatorAcceptance {
  status: ElevatorStatus;
  usingUnitId: string;
  registrationNumber?: string;
  registeredOn?: string;
  rescueCode?: string;
  interval: IntervalPolicy;
  /** Last visit per tier, and when each falls due next with the rule that said so. */
  visits: Partial<Record<MaintenanceTier, TierVisit>>;
  due: Partial<Record<MaintenanceTier, DueDate>>;
  lastMaintenance?: TierVisit & { tier: MaintenanceTier };
  inspection?: { reportNumber: string; kind: 'periodic' | 'selfTest'; inspectedOn: string; result: 'pass' | 'fail'; validUntil: string; bodyId: string };
  defects: InspectionDefect[];
  /** Times of recent faults and entrapments (bounded), for repeated-fault clues and the risk grade. */
  recentFaults: string[];
  recentEntrapments: string[];
  /** Recent visits' verdicts (bounded), for the risk grade. */
  recentVisits: { recordId: string; on: string; proven: boolean; late: boolean }[];
  /** The newest presence code any record of this lift used: a code issued no later is a replay. */
  presenceUsedUpTo?: string;
  /** When the last recorded visit ended: a later record may not start before it. */
  lastDepartedAt?: string;
  history: ElevatorLifecycleEvent[];
  createdAt: string;
  updatedAt: string;
  updatedTxId: string;
}

/** The periodic tier every lift must have a record of within its interval. */
export const OVERDUE_TIER: PeriodicTier = 'halfMonthly';
