import { expect } from 'chai';
import type { RecallView, RiskClue, Sample } from '../../model/src';
import type { DashboardFigures } from '../../gateway/src/dashboard/dashboardFigures';
import type { RegionDisclosure } from '../../gateway/src/dashboard/publicDisclosure';
import type { TraceGraph } from '../../gateway/src/dashboard/traceGraph';
import { seedDashboardScene, type DashboardScene } from './dashboardFixtures';
import { api, eventually, onboardEnterprise } from './gatewayClient';
import { requireNetwork } from './testNetwork';

interface ClueStats {
  raised: number;
  closed: number;
  overdue: number;
  closureRate: number | null;
  kinds: Record<string, number>;
  states: Record<string, number>;
}
interface Records<T> {
  records: T[];
  truncated: boolean;
}

const clueIds = (clues: readonly RiskClue[]): string[] => clues.map((clue) => `${clue.subjectId}|${clue.clueId}`).sort();

describe('the regulator dashboard and public disclosure', function () {
  this.timeout(300_000);
  let scene: DashboardScene;
  const dashboard = async (period: string, token = scene.regulator) => (await api<DashboardFigures>(`/regulator/dashboard?region=${scene.district}&period=${period}`, { token })).body;
  const records = async <T>(query: string, token = scene.regulator) => api<Records<T>>(`/regulator/dashboard/records?region=${scene.district}&${query}`, { token });

  before(async () => {
    requireNetwork();
    scene = await seedDashboardScene();
  });

  it('shows the same clue figures as the clue statistics, and the same pass rate as the sampling API', async () => {
    // The failed sample raises a clue through the intake meanwhile: compare once two reads of the statistics agree.
    const { figures, stats } = await eventually('figures that hold still', async () => {
      const before = (await api<ClueStats>(`/regulator/clues/stats?region=${scene.district}&period=${scene.clueMonth}`, { token: scene.regulator })).body;
      const figures = await dashboard(scene.clueMonth);
      const after = (await api<ClueStats>(`/regulator/clues/stats?region=${scene.district}&period=${scene.clueMonth}`, { token: scene.regulator })).body;
      return JSON.stringify(before) === JSON.stringify(after) && after.kinds.failedSample === 1 ? { figures, stats: after } : undefined;
    }, 60_000);
    expect(figures.clues).to.deep.equal({ raised: stats.raised, closed: stats.closed, overdue: stats.overdue, closureRate: stats.closureRate, kinds: stats.kinds, states: stats.states });
    expect(figures.clues).to.include({ raised: 4, closed: 2, overdue: 0 });
    expect(figures.trend.at(-1)).to.include({ month: scene.clueMonth, raised: 4, closed: 2 });

    const sampled = await dashboard(scene.sampleMonth);
    const passRate = (await api<Record<string, unknown>>(`/regulator/sampling/pass-rates?period=${scene.sampleMonth}&region=${scene.district}`, { token: scene.regulator })).body;
    expect(sampled.sampling).to.deep.include({ passed: passRate.passed, failed: passRate.failed, total: passRate.total, rate: passRate.rate });
    expect(sampled.sampling).to.include({ passed: 1, failed: 1, rate: 0.5, meetsTarget: false });
  });

  it('shows each open recall with the acknowledgement progress the recall list gives', async () => {
    const figures = await dashboard(scene.clueMonth);
    const shown = figures.recalls.items.find((item) => item.recallId === scene.recall.recallId);
    const listed = (await api<{ items: { recallId: string; holders: number; acknowledged: number; reported: number; overdue: number }[] }>('/regulator/recalls?state=open', { token: scene.regulator })).body.items
      .find((item) => item.recallId === scene.recall.recallId);
    expect(shown, 'the scene\'s recall on the dashboard').not.to.equal(undefined);
    expect(shown).to.include({ holders: listed?.holders, acknowledged: listed?.acknowledged, reported: listed?.reported, overdue: listed?.overdue });
  });

  it('lists exactly the records behind each figure, and writes each drill-down to the read log', async () => {
    const stats = (await api<ClueStats>(`/regulator/clues/stats?region=${scene.district}&period=${scene.clueMonth}`, { token: scene.regulator })).body;
    const raised = (await records<RiskClue>(`period=${scene.clueMonth}&figure=raised`)).body;
    expect(raised.records).to.have.length(stats.raised);
    expect(clueIds(raised.records)).to.include.members(clueIds(scene.complaints));
    const closed = (await records<RiskClue>(`period=${scene.clueMonth}&figure=closed`)).body;
    expect(clueIds(closed.records)).to.deep.equal(clueIds(scene.closed));
    const quality = (await records<RiskClue>(`period=${scene.clueMonth}&figure=kind&kind=quality`)).body;
    expect(clueIds(quality.records)).to.deep.equal(clueIds(scene.complaints.filter((clue) => clue.category === 'quality')));
    const overdue = (await records<RiskClue>(`period=${scene.clueMonth}&figure=overdue`)).body;
    expect(overdue.records).to.have.length(stats.overdue);
    const samples = (await records<Sample>(`period=${scene.sampleMonth}&figure=samples`)).body;
    expect(samples.records.map((sample) => sample.sampleId).sort()).to.deep.equal(scene.samples.map((sample) => sample.sampleId).sort());
    const otherMonth = (await records<Sample>('period=2019-01&figure=samples')).body;
    expect(otherMonth.records, 'another month has none of them').to.deep.equal([]);

    const log = (await api<{ route: string; subjectId: string }[]>('/regulators/audit-log', { token: scene.regulator })).body;
    expect(log.map((read) => read.subjectId)).to.include.members([`closed|${scene.district}|${scene.clueMonth}`, `samples|${scene.district}|${scene.sampleMonth}`]);
    expect((await records('figure=kind')).status, 'a kind figure names its kind').to.equal(400);
  });

  it('draws a recall\'s trace graph holding every lot of its impact list, marked', async () => {
    const view = (await api<RecallView>(`/recalls/${scene.recall.recallId}`, { token: scene.regulator })).body as unknown as { holders: { enterpriseId: string; items: { itemId: string }[] }[] };
    const impact = view.holders.flatMap((holder) => holder.items.map((item) => item.itemId));
    expect(impact.length).to.be.greaterThan(1);
    const graph = await api<TraceGraph>(`/regulator/trace-graph?recallId=${scene.recall.recallId}`, { token: scene.regulator });
    expect(graph.status, JSON.stringify(graph.body)).to.equal(200);
    const lots = graph.body.nodes.filter((node) => node.kind === 'lot');
    expect(lots.map((node) => node.id)).to.include.members(impact);
    expect(lots.filter((node) => impact.includes(node.id)).every((node) => node.impacted)).to.equal(true);
    expect(graph.body.links.filter((link) => link.kind === 'split').map((link) => link.target)).to.have.members(scene.lots.slice(1));
    expect(graph.body.nodes.find((node) => node.id === scene.owner.id)).to.include({ kind: 'enterprise', impacted: true });
    const lotGraph = await api<TraceGraph>(`/regulator/trace-graph?lotId=${encodeURIComponent(scene.lots[1])}`, { token: scene.regulator });
    expect(lotGraph.body.nodes.map((node) => node.id), 'a child traced back reaches its parent').to.include(scene.lots[0]);
    expect((await api(`/regulator/trace-graph?lotId=x&recallId=${scene.recall.recallId}`, { token: scene.regulator })).status).to.equal(400);
  });

  it('refuses a token that is not a regulator\'s, and a region outside the regulator\'s unit', async () => {
    const enterprise = await onboardEnterprise('custodial', ['retailer'], scene.district);
    for (const path of [`/regulator/dashboard?region=${scene.district}`, `/regulator/dashboard/records?region=${scene.district}&figure=raised`, `/regulator/trace-graph?recallId=${scene.recall.recallId}`]) {
      expect((await api(path, { token: enterprise.token })).status, path).to.equal(403);
      expect((await api(path)).status, `${path} without a token`).to.equal(401);
    }
    expect((await api(`/regulator/dashboard?region=${scene.district}`, { token: scene.outsider })).status).to.equal(403);
    expect((await records('figure=raised', scene.outsider)).status).to.equal(403);
    expect((await api(`/regulator/dashboard?region=${scene.city}`, { token: scene.regulator })).status, 'the city above its district').to.equal(403);
    const named = await api<{ errors?: { field: string }[] }>(`/regulator/dashboard?region=${scene.district}&period=2026-13`, { token: scene.regulator });
    expect(named.status).to.equal(400);
    expect(JSON.stringify(named.body)).to.include('period');
  });

  it('publishes the region\'s final samples and published cases to anyone, never the complaint\'s words', async () => {
    const answer = await api<RegionDisclosure>(`/public/regions/${scene.district}/disclosure?period=${scene.sampleMonth}`);
    expect(answer.status).to.equal(200);
    expect(answer.body.passRate).to.include({ passed: 1, failed: 1 });
    expect(answer.body.samples.map((sample) => sample.sampleId).sort()).to.deep.equal(scene.samples.map((sample) => sample.sampleId).sort());
    expect(answer.body.samples.find((sample) => sample.verdict === 'fail')?.failedItems).to.deep.equal(['total volatile basic nitrogen']);
    expect(answer.body.cases).to.have.length(1);
    expect(answer.body.cases[0]).to.include({ subjectId: scene.published.subjectId, caseNumber: scene.published.case?.caseNumber, decision: 'Fine of 80,000 yuan; stock destroyed', kind: 'counterfeit' });
    const text = JSON.stringify(answer.body);
    expect(text).not.to.include('private words');
    expect(text).not.to.include('filedBy');
    expect(text).not.to.include('Counterfeit cartons in the cold room');
    expect((await api('/public/regions/33/disclosure')).status).to.equal(400);
  });
});
