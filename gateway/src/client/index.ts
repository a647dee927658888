export * from './offlineClient';
export * from './selfEnrollment';
export * from './failureAdvice';
