import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { creditGradeOf, CreditFacts, UsccSchema, type CreditFact } from '../../../model/src';
import { enterpriseClueCountId } from '../projection/clues';
import { notFoundRequest } from '../http/httpError';
import { route } from '../http/route';
import type { GatewayServices } from '../services';

/** Where each fact's count is read, said with the grade so a reader can check it. */
const FACT_SOURCES: Record<CreditFact, string> = {
  failedFinalSamples: 'ledger_sample_enterprise_counters.finalFailed',
  complaints: 'ledger_risk_clue_counts enterprise:<id>.complaints (complaints about items it held when filed, as the ledger recorded on the clue)',
  unclosedClues: 'ledger_risk_clue_counts enterprise:<id>: raised − closed (clues whose subject it held, or that name it)',
  lateRecallAnswers: 'ledger_recall_enterprise_counters.lateAnswers (holder entries answered late or marked overdue)',
  duplicateDispenses: 'ledger_drug_enterprise_counters.duplicateSales (the second seller of a duplicate-sale alert)',
  overdueMaintenance: 'ledger_elevator_firm_stats.overdueAlerts (the firm an overdue-maintenance alert counts against)',
};

export type CreditGradeServices = Pick<GatewayServices, 'projection'>;

/**
 * Enterprises' credit-risk grades, computed when read from counter documents the projections keep
 * (one `_id` read per fact), so a grade follows its facts as soon as they are projected.
 */
export function creditGradeRoutes(services: CreditGradeServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const models = services.projection.models;

  route(
    router,
    api,
    {
      method: 'get', path: '/regulator/enterprises/:id/credit-grade', tag: 'sampling', source: 'projection', roles: ['regulator', 'admin'], params: z.object({ id: UsccSchema }),
      summary: `An enterprise's credit-risk grade A–D now, explained: its score, and each fact (${Object.keys(CreditFacts).join(', ')}) with its count, weight, contribution and where the count comes from`,
      success: { status: 200, description: 'the grade, score, facts and grade bands' },
    },
    async ({ params }) => {
      if (!(await models.enterprises.findById(params.id).lean())) throw notFoundRequest(`id: no enterprise ${params.id} is registered (or not yet projected)`);
      const [samples, drugs, firm, clues, recalls] = await Promise.all([
        models.sampleEnterpriseCounters.findById(params.id).lean(),
        models.drugEnterpriseCounters.findById(params.id).lean(),
        models.elevatorFirmStats.findById(params.id).lean(),
        models.riskClueCounts.findById(enterpriseClueCountId(params.id)).lean(),
        models.recallEnterpriseCounters.findById(params.id).lean(),
      ]);
      const answer = creditGradeOf({
        failedFinalSamples: samples?.finalFailed ?? 0,
        complaints: clues?.complaints ?? 0,
        unclosedClues: (clues?.raised ?? 0) - (clues?.closed ?? 0),
        lateRecallAnswers: recalls?.lateAnswers ?? 0,
        duplicateDispenses: drugs?.duplicateSales ?? 0,
        overdueMaintenance: firm?.overdueAlerts ?? 0,
      });
      return { body: { enterpriseId: params.id, ...answer, facts: answer.facts.map((fact) => ({ ...fact, source: FACT_SOURCES[fact.fact] })) } };
    },
  );

  return router;
}
