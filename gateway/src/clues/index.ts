/** Seconds between runs of the clue intake: an alert becomes a clue within about this long. */
export const CLUE_INTAKE_SECONDS = 20;
/** Seconds between escalation sweeps: deadlines are hours and days. */
export const CLUE_ESCALATION_SECONDS = 10 * 60;

export { ClueEscalation } from './clueEscalation';
export { ClueIntake } from './clueIntake';
