import type { ExampleCall } from '../exampleCall';
import { auditPackExamples } from './auditPacks';
import { brandExamples } from './brands';
import { closingExamples } from './closing';
import { clueExamples } from './clues';
import { codeExamples } from './codes';
import { consumerExamples } from './consumers';
import { custodyExamples } from './custody';
import { dashboardExamples } from './dashboard';
import { drugExamples } from './drugs';
import { elevatorExamples } from './elevators';
import { exportExamples } from './exports';
import { lineageExamples } from './lineage';
import { loggerExamples } from './loggers';
import { lotExamples } from './lots';
import { mineExamples } from './mine';
import { offlineExamples } from './offline';
import { recallExamples } from './recalls';
import { referenceExamples } from './reference';
import { samplingExamples } from './sampling';
import { onboardingExamples } from './onboarding';
import { systemExamples } from './system';
import { traceExamples } from './trace';
import { wrongTurnExamples } from './wrongTurns';

/**
 * Every example call of the API, in the order of one story a newcomer can follow from the first
 * onboarding to the last revocation (see story.ts for the cast): each chapter builds on the ones
 * before it, so the examples test runs them in this order.
 */
export const EXAMPLE_SCENARIO: readonly ExampleCall[] = [
  ...systemExamples,
  ...onboardingExamples,
  ...referenceExamples,
  ...brandExamples,
  ...lotExamples,
  ...loggerExamples,
  ...traceExamples,
  ...lineageExamples,
  ...recallExamples,
  ...custodyExamples,
  ...auditPackExamples,
  ...mineExamples,
  ...codeExamples,
  ...drugExamples,
  ...consumerExamples,
  ...clueExamples,
  ...elevatorExamples,
  ...samplingExamples,
  ...dashboardExamples,
  ...exportExamples,
  ...offlineExamples,
  ...wrongTurnExamples,
  ...closingExamples,
];
