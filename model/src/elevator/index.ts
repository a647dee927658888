/** The elevator vertical's shared model: registry, maintenance items and records, intervals, presence codes, rescues, inspections, risk. */
export * from './alerts';
export * from './elevator';
export * from './elevatorAudiences';
export * from './elevatorType';
export * from './fitness';
export * from './inspection';
export * from './intervalPolicy';
export * from './ledgerUpdate';
export * from './maintenanceItems';
export * from './maintenanceRecord';
export * from './presenceCode';
export * from './regionPolicy';
export * from './rescue';
export * from './riskGrade';
export * from './shanghaiCalendar';
export * from './runtimeSummary';
export * from './accident';
