export * from './offlineClient';
export * from './selfEnrollment';
