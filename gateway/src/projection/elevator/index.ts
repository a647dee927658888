export { ELEVATOR_HISTORY_PAGE_ITEMS, elevatorProjection } from './elevatorProjection';
export { elevatorLookupIds, elevatorModels, elevatorRecordId, type ElevatorClockDay, type ElevatorHistoryEntry, type ElevatorLookup, type ElevatorModels } from './models';
export { firmDayId, regionMonthId, sumFirmDays, type FirmCounters, type FirmDay, type FirmStats, type RegionStats } from './elevatorStats';
