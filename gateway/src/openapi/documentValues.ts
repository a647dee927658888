import { scenarioTimes, type Placeholder } from './placeholders';

/** The story as the published document tells it: one run, on a late-November morning in Ningbo. */
const STORY_START_MS = Date.parse('2026-11-27T00:00:00Z');
const RESOLVER = 'https://id.example.cn';
const RUN = 'R7K2M9Q';

/**
 * The values the OpenAPI document shows in place of the examples' placeholders. They pass the same
 * validators a test run's values do (check digits and characters included): a reader may copy them.
 */
export const DOCUMENT_VALUES: Readonly<Record<Placeholder, string>> = {
  run: RUN,
  importerId: '91330206MA2H7K3Q0R',
  retailerId: '91330603MA2J9L5P1R',
  prefix: '695012340',
  brandGtin: '06950123400017',
  sscc: '395212345000000019',
  resolver: RESOLVER,
  drugStem: '812345',
  liftOwnerId: '91330108MA2L1E0U0Q',
  liftFirmId: '91330108MA2L1F2M18',
  inspectionBodyId: '91330106MA2L2J7T3G',
  callCentreId: '91330100MA2L3R9C57',
  rescueCode: '108042',
  ...scenarioTimes(STORY_START_MS),
  importerToken: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImFwaS0yMDI2LTExIn0.eyJzdWIiOiI5MTMzMDIwNk1BMkg3SzNRMFIifQ.c2lnbmF0dXJl',
  retailerToken: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImFwaS0yMDI2LTExIn0.eyJzdWIiOiI5MTMzMDYwM01BMko5TDVQMVIifQ.c2lnbmF0dXJl',
  regulatorToken: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImFwaS0yMDI2LTExIn0.eyJzdWIiOiJyZWd1bGF0b3ItUjdLMk05USJ9.c2lnbmF0dXJl',
  signedUri: `${RESOLVER}/01/09521234543213/10/LAMB-${RUN}?s=Qm9ndXMtc2lnbmF0dXJlLW9mLWEtdHJhY2UtY29kZS1zaG93bi1pbi10aGUtZG9jdW1lbnQtb25seS0xMjM0NTY3&k=code-2026-11`,
  runId: '3f6c2a1e-8b4d-4e7a-9c15-2d8e6f0a7b93',
  clueId: '8d2f41c7a6b9e03d5f1a27c4b8e96d0f3a5c17e2b4d690f8c3e1a57b2d4f6e90',
  purgeToken: 'm4Xq9Tz2LrV7bN1cK8sH3wYd',
  liftOwnerToken: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImFwaS0yMDI2LTExIn0.eyJzdWIiOiI5MTMzMDEwOE1BMkwxRTBVMFEifQ.c2lnbmF0dXJl',
  liftFirmToken: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImFwaS0yMDI2LTExIn0.eyJzdWIiOiI5MTMzMDEwOE1BMkwxRjJNMTgifQ.c2lnbmF0dXJl',
  liftCoworkerToken: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImFwaS0yMDI2LTExIn0.eyJzdWIiOiI5MTMzMDEwOE1BMkwxRjJNMTgiLCJlbnIiOiJsaWZ0LXdvcmtlcjIifQ.c2lnbmF0dXJl',
  inspectionBodyToken: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImFwaS0yMDI2LTExIn0.eyJzdWIiOiI5MTMzMDEwNk1BMkwySjdUM0cifQ.c2lnbmF0dXJl',
  callCentreToken: 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImFwaS0yMDI2LTExIn0.eyJzdWIiOiI5MTMzMDEwME1BMkwzUjlDNTcifQ.c2lnbmF0dXJl',
  recallId: 'RC-3f9a1c7e5b2d8f40',
  maintenanceRecordId: '5b8e2c41d7a9f03e6c1b48d2a7f95e0c3d6b81a4f2e7c09d5a3b6e18f4c2d7a9',
};
