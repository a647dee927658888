/**
 * Kinds of lift under TSG T5002-2017, whose annexes give each its own maintenance items: traction
 * and forced-drive lifts (annex A), hydraulic lifts (B), escalators and moving walks (D).
 */
export const ElevatorTypes = ['traction', 'hydraulic', 'escalator', 'movingWalk'] as const;
export type ElevatorType = (typeof ElevatorTypes)[number];
