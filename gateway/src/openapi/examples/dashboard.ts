import type { ExampleCall } from '../exampleCall';

/**
 * The dashboard chapter: the figures of Shaoxing this month as the regulator's dashboard draws them,
 * the clues behind one figure, the recall of the story as a trace graph, and what Shaoxing publishes.
 */
export const dashboardExamples: readonly ExampleCall[] = [
  {
    title: 'The figures of Shaoxing this month: pass rate, clues, alerts by kind, open recalls, lifts, and a six-month trend, from the projection\'s counters',
    method: 'get', path: '/regulator/dashboard', query: { region: '330600' }, caller: 'admin', eventual: true,
    status: 200, response: { region: '330600' },
  },
  {
    title: 'The clues behind the figure "raised" of Shaoxing this month (written to the regulator read log)',
    method: 'get', path: '/regulator/dashboard/records', query: { region: '330600', figure: 'raised' }, caller: 'admin',
    status: 200, response: { region: '330600', figure: 'raised', truncated: false },
  },
  {
    title: 'The story\'s recall as a trace graph: its lots forward and back, who held them, the impact list marked',
    method: 'get', path: '/regulator/trace-graph', query: { recallId: '{recallId}' }, caller: 'admin', eventual: true,
    status: 200, response: { recallId: '{recallId}', truncated: false },
  },
  {
    title: 'What Shaoxing publishes, for anyone: pass rates, final samples, cases whose penalty was to be published',
    method: 'get', path: '/public/regions/{region}/disclosure', params: { region: '330600' }, caller: 'consumer',
    status: 200, response: { region: '330600' },
  },
];
