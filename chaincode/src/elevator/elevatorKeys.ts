import type { Context } from 'fabric-contract-api';
import { cityRegionOf } from '../../../model/src';
import { KeyTypes, ledgerKey } from '../common/keys';

/**
 * Key layout of the elevator domain. Reads are by key or key range only.
 *
 * | key                                          | value              | read by                                  |
 * | -------------------------------------------- | ------------------ | ---------------------------------------- |
 * | `tl.el.elevator` [deviceCode]                | Elevator           | every write about the lift               |
 * | `tl.el.reg` [registrationNumber]             | { deviceCode }     | writes naming the lift by its certificate |
 * | `tl.el.giai` [giai]                          | { deviceCode }     | acceptance (one lift per car code), reads by GIAI |
 * | `tl.el.rescuecode` [cityRegion, rescueCode]  | { deviceCode }     | registration (codes unique in a city)    |
 * | `tl.el.record` [deviceCode, recordId]        | MaintenanceRecord  | signing, acknowledgement, history range  |
 * | `tl.el.worker` [firmId, enrollmentId]        | MaintenanceWorker  | each record checks its workers           |
 * | `tl.el.rescue` [deviceCode, callId]          | Rescue             | the firm's arrival                       |
 * | `tl.el.fault` [deviceCode, faultId]          | ElevatorFault      | history range                            |
 * | `tl.el.inspection` [deviceCode, reportNumber] | Inspection        | history range                            |
 * | `tl.el.alert` [deviceCode, alertId]          | ElevatorAlert      | idempotent raise; alerts range           |
 * | `tl.el.region` [region]                      | RegionPolicy       | workers on site, rescue limit, code length |
 * | `tl.el.runtime` [deviceCode, windowStartUtc] | RuntimeAnchor      | idempotent anchor of IoT summaries       |
 * | `tl.el.usage` [deviceCode]                   | ElevatorUsage      | the on-demand rule at the next visit (reset by it) |
 * | `tl.el.accident` [deviceCode, accidentId]    | ElevatorAccident   | one record per accident                  |
 *
 * The lift's own record carries everything a rule needs (clocks, last visits, recent faults, the
 * presence clock) within the bounds of `ledgerBounds.ts`, so no write range-reads another's records.
 */
export const elevatorKey = (ctx: Context, deviceCode: string): string => ledgerKey(ctx, KeyTypes.elevator, deviceCode);
export const registrationIndexKey = (ctx: Context, registrationNumber: string): string => ledgerKey(ctx, KeyTypes.elevatorRegistration, registrationNumber);
export const giaiIndexKey = (ctx: Context, giai: string): string => ledgerKey(ctx, KeyTypes.elevatorGiai, giai);
export const rescueCodeKey = (ctx: Context, region: string, rescueCode: string): string => ledgerKey(ctx, KeyTypes.elevatorRescueCode, cityRegionOf(region), rescueCode);
export const maintenanceRecordKey = (ctx: Context, deviceCode: string, recordId: string): string => ledgerKey(ctx, KeyTypes.maintenanceRecord, deviceCode, recordId);
export const workerKey = (ctx: Context, firmId: string, enrollmentId: string): string => ledgerKey(ctx, KeyTypes.maintenanceWorker, firmId, enrollmentId);
export const rescueKey = (ctx: Context, deviceCode: string, callId: string): string => ledgerKey(ctx, KeyTypes.elevatorRescue, deviceCode, callId);
export const faultKey = (ctx: Context, deviceCode: string, faultId: string): string => ledgerKey(ctx, KeyTypes.elevatorFault, deviceCode, faultId);
export const inspectionKey = (ctx: Context, deviceCode: string, reportNumber: string): string => ledgerKey(ctx, KeyTypes.elevatorInspection, deviceCode, reportNumber);
export const elevatorAlertKey = (ctx: Context, deviceCode: string, alertId: string): string => ledgerKey(ctx, KeyTypes.elevatorAlert, deviceCode, alertId);
export const runtimeAnchorKey = (ctx: Context, deviceCode: string, windowStartUtc: string): string => ledgerKey(ctx, KeyTypes.elevatorRuntime, deviceCode, windowStartUtc);
export const usageKey = (ctx: Context, deviceCode: string): string => ledgerKey(ctx, KeyTypes.elevatorUsage, deviceCode);
export const accidentKey = (ctx: Context, deviceCode: string, accidentId: string): string => ledgerKey(ctx, KeyTypes.elevatorAccident, deviceCode, accidentId);
export const regionPolicyKey = (ctx: Context, region: string): string => ledgerKey(ctx, KeyTypes.elevatorRegionPolicy, region);
