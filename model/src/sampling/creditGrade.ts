/**
 * An enterprise's credit-risk grade (信用风险分类, A lowest risk to D highest) from the facts of its
 * record, explainable: each fact's count times its weight adds to the score, and the grade is the
 * first band the score stays within. Weights and bands are data, kept here in one place.
 */
export const CreditFacts = {
  /** Samples of its goods that failed, final after the objection window and any re-test. */
  failedFinalSamples: { weight: 30, description: 'failed samples, final after the objection window and any re-test' },
  /** Consumer complaints filed about items it held when the complaint came in. */
  complaints: { weight: 5, description: 'consumer complaints about items it held' },
  /** Risk clues that concern it (as custodian, sampled enterprise, batch holder, lift firm) and are not closed yet. */
  unclosedClues: { weight: 10, description: 'risk clues concerning it that are not closed' },
  /** Recalls it answered after the acknowledgement deadline, or not by then. */
  lateRecallAnswers: { weight: 15, description: 'recalls it acknowledged late or not by the deadline' },
  /** Drug codes it dispensed or sold a second time (a copied code or resold drug). */
  duplicateDispenses: { weight: 20, description: 'drug codes it dispensed or sold again (duplicate dispense alerts)' },
  /** Lifts it maintains that went past a half-monthly due date. */
  overdueMaintenance: { weight: 10, description: 'overdue-maintenance alerts on lifts it maintains' },
} as const;

export type CreditFact = keyof typeof CreditFacts;

/** Upper score bounds of grades A–C; any score above C's is D. */
export const CreditGradeBands = { A: 0, B: 30, C: 90 } as const;
export type CreditGrade = 'A' | 'B' | 'C' | 'D';

export interface CreditGradeAnswer {
  grade: CreditGrade;
  score: number;
  facts: { fact: CreditFact; description: string; count: number; weight: number; contribution: number }[];
  bands: typeof CreditGradeBands;
}

/**
 * The grade of an enterprise with these fact counts; facts not given count 0.
 *
 * @example
 * creditGradeOf({ failedFinalSamples: 1, complaints: 2 }).grade // 'C' (30 + 10 = 40)
 */
export function creditGradeOf(counts: Partial<Record<CreditFact, number>>): CreditGradeAnswer {
  const facts = (Object.keys(CreditFacts) as CreditFact[]).map((fact) => {
    const count = counts[fact] ?? 0;
    const { weight, description } = CreditFacts[fact];
    return { fact, description, count, weight, contribution: count * weight };
  });
  const score = facts.reduce((sum, fact) => sum + fact.contribution, 0);
  const grade: CreditGrade = score <= CreditGradeBands.A ? 'A' : score <= CreditGradeBands.B ? 'B' : score <= CreditGradeBands.C ? 'C' : 'D';
  return { grade, score, facts, bands: CreditGradeBands };
}
