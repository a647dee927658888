import type { Elevator } from './elevator';
import { isMaintenanceOverdue } from './fitness';
import { addDays, daysBetween, shanghaiDateOf } from './shanghaiCalendar';

/** How far back the risk grade looks at visits, faults and entrapments. */
export const RISK_WINDOW_DAYS = 90;

export const RiskGrades = ['A', 'B', 'C', 'D'] as const;
export type RiskGrade = (typeof RiskGrades)[number];

/** The inputs of a grade, each with the points it contributed, so a grade explains itself. */
export interface RiskAssessment {
  grade: RiskGrade;
  points: number;
  inputs: { name: string; value: number; points: number }[];
}

/** Least points of grades B, C and D; below B's is A. */
const GRADE_FLOORS: ReadonlyArray<[RiskGrade, number]> = [
  ['D', 10],
  ['C', 6],
  ['B', 3],
];

/**
 * The lift's risk grade at `now` (A lowest risk): its age, whether maintenance is overdue, unproven
 * and late visits, faults and entrapments in the last {@link RISK_WINDOW_DAYS} days, and open
 * inspection defects. The weights are this project's first proposal; they live here as data so a
 * regulator's calibration changes one table.
 *
 * @example
 * riskGradeOf(elevator, '2026-12-01T08:00:00+08:00').grade // 'A'
 */
export function riskGradeOf(elevator: Elevator, now: string | number): RiskAssessment {
  const today = shanghaiDateOf(now);
  const since = addDays(today, -RISK_WINDOW_DAYS);
  const recent = (times: readonly string[]): number => times.filter((time) => shanghaiDateOf(time) > since).length;
  const visits = elevator.recentVisits.filter((visit) => visit.on > since);
  const ageYears = Math.max(0, Math.floor(daysBetween(elevator.installedOn, today) / 365));
  const open = elevator.defects.filter((defect) => defect.confirmedOn === undefined);
  const openDefects = open.length;
  // A defect left open past its deadline is a hidden danger nobody is fixing: it weighs more than one being fixed.
  const pastDeadline = open.filter((defect) => defect.rectifyBy < today).length;
  const rows: [string, number, number][] = [
    ['ageYears', ageYears, ageYears > 15 ? 2 : ageYears > 10 ? 1 : 0],
    ['maintenanceOverdue', isMaintenanceOverdue(elevator, now) ? 1 : 0, isMaintenanceOverdue(elevator, now) ? 3 : 0],
    ['unprovenVisits', visits.filter((v) => !v.proven).length, Math.min(6, 2 * visits.filter((v) => !v.proven).length)],
    ['lateVisits', visits.filter((v) => v.late).length, Math.min(3, visits.filter((v) => v.late).length)],
    ['faults', recent(elevator.recentFaults), Math.min(5, recent(elevator.recentFaults))],
    ['entrapments', recent(elevator.recentEntrapments), Math.min(6, 2 * recent(elevator.recentEntrapments))],
    ['openDefects', openDefects, Math.min(6, 2 * openDefects)],
    ['defectsPastDeadline', pastDeadline, Math.min(8, 4 * pastDeadline)],
  ];
  const points = rows.reduce((sum, [, , p]) => sum + p, 0);
  const grade = GRADE_FLOORS.find(([, floor]) => points >= floor)?.[0] ?? 'A';
  return { grade, points, inputs: rows.map(([name, value, p]) => ({ name, value, points: p })) };
}
