export * from './referenceData';
export * from './regionScope';
export * from './workingDays';
