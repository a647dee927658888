import { Router, type Response } from 'express';
import { RegionCodeSchema } from '../../../model/src';
import { pickLanguage } from '../consumer/i18n';
import { dashboardPage, disclosurePage, tracePage } from '../dashboard/pages/dashboardPage';
import { DASHBOARD_SCRIPT } from '../dashboard/pages/dashboardScript';
import { DISCLOSURE_SCRIPT } from '../dashboard/pages/disclosureScript';
import { ASSETS_PATH } from '../dashboard/pages/pageShell';
import { TRACE_GRAPH_SCRIPT } from '../dashboard/pages/traceGraphScript';

/** The pages' own scripts by file name. */
const SCRIPTS: Record<string, string> = {
  'regulator-dashboard.js': DASHBOARD_SCRIPT,
  'trace-graph.js': TRACE_GRAPH_SCRIPT,
  'disclosure.js': DISCLOSURE_SCRIPT,
};

/** Scripts are cached an hour: a new gateway version is picked up soon enough, and a page load costs no refetch. */
const SCRIPT_CACHE = 'public, max-age=3600';

/**
 * The regulator's pages (dashboard, trace graph) and the public disclosure page, with ECharts and the
 * pages' scripts served by this gateway (no other host: regulators' intranets reach none). The pages
 * hold no data: their scripts read the API, the regulator's with the token kept in sessionStorage.
 */
export function dashboardPageRoutes(): Router {
  const router = Router();
  const echartsFile = require.resolve('echarts/dist/echarts.min.js');
  const query = (url: string): URLSearchParams => new URL(url, 'http://page').searchParams;
  const html = (response: Response, page: string): void => {
    response.type('html').set('Cache-Control', 'no-store').send(page);
  };
  router.get('/regulator/pages/dashboard', (request, response) => {
    const params = query(request.url);
    html(response, dashboardPage(pickLanguage(params.get('lang'), request.headers['accept-language']), params));
  });
  router.get('/regulator/pages/trace', (request, response) => {
    const params = query(request.url);
    html(response, tracePage(pickLanguage(params.get('lang'), request.headers['accept-language']), params));
  });
  router.get('/disclosure/:region', (request, response) => {
    const region = RegionCodeSchema.safeParse(request.params.region);
    if (!region.success) {
      response.status(400).type('text').send(`region: ${region.error.issues[0]?.message ?? 'invalid'}`);
      return;
    }
    const params = query(request.url);
    html(response, disclosurePage(pickLanguage(params.get('lang'), request.headers['accept-language']), region.data, params));
  });
  router.get(`${ASSETS_PATH}/echarts.min.js`, (_request, response) => {
    response.set('Cache-Control', SCRIPT_CACHE).sendFile(echartsFile);
  });
  router.get(`${ASSETS_PATH}/:script`, (request, response, next) => {
    const script = SCRIPTS[request.params.script];
    if (script === undefined) return next();
    response.type('application/javascript').set('Cache-Control', SCRIPT_CACHE).send(script);
  });
  return router;
}
