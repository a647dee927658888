import { escape } from '../../consumer/pageShell';
import type { Language } from '../../consumer/i18n';
import { dashboardShell } from './pageShell';
import { DashboardText } from './pageText';

/**
 * The regulator dashboard: a sign-in form (the token stays in this tab's sessionStorage and goes with
 * each API call), then the month's figures of a region drawn by ECharts; a click on a chart or a figure
 * lists the records behind it. Element ids and `data-` attributes are what the browser tests read.
 */
export function dashboardPage(lang: Language, query: URLSearchParams): string {
  const t = DashboardText[lang];
  const card = (id: string, title: string, extra = ''): string =>
    `<section class="card" id="${id}"><h2>${escape(title)}</h2><div class="kpis" id="${id}-kpis"></div><div class="chart" id="${id}-chart"></div>${extra}</section>`;
  const body = `<form id="sign-in" class="hidden"><label>${escape(t.tokenLabel)}<input id="token" type="password" autocomplete="off" size="40"></label><button type="submit">${escape(t.signIn)}</button></form>
<p id="error" class="error" role="alert"></p>
<div id="dashboard" class="hidden">
<form id="filters"><label>${escape(t.region)}<input id="region" name="region" pattern="\\d{6}|all" size="8"></label><label>${escape(t.period)}<input id="period" name="period" type="month"></label><button type="submit">${escape(t.show)}</button><button type="button" id="sign-out">${escape(t.signOut)}</button></form>
<div class="grid">${card('sampling', t.passRate)}${card('clues', t.clues)}${card('alerts', t.alerts)}${card('elevators', t.elevators)}${card('recalls', t.recalls)}</div>
<section class="card" id="records"><h2>${escape(t.records)} <small id="records-title"></small></h2><p id="records-note"></p><table><tbody id="records-rows"></tbody></table></section>
</div>`;
  return dashboardShell(lang, t.dashboardTitle, body, 'regulator-dashboard.js', {}, query);
}

/** The trace graph of a lot or a recall, drawn by ECharts from `/regulator/trace-graph`, with the nodes listed beneath. */
export function tracePage(lang: Language, query: URLSearchParams): string {
  const t = DashboardText[lang];
  const body = `<p id="error" class="error" role="alert"></p><section class="card"><h2 id="trace-subject"></h2><div class="graph" id="trace-chart"></div></section>
<section class="card"><table><tbody id="trace-nodes"></tbody></table></section>`;
  return dashboardShell(lang, t.traceTitle, body, 'trace-graph.js', { recallId: query.get('recallId') ?? undefined, lotId: query.get('lotId') ?? undefined }, query);
}

/** A region's public disclosure: pass rates and final samples, published cases; no token. */
export function disclosurePage(lang: Language, region: string, query: URLSearchParams): string {
  const t = DashboardText[lang];
  const body = `<p id="error" class="error" role="alert"></p><h2 id="region-name"></h2>
<div class="grid"><section class="card" id="pass-rate"><h2>${escape(t.passRate)}</h2><div class="kpis" id="pass-rate-kpis"></div><div class="chart" id="pass-rate-chart"></div></section>
<section class="card" id="case-kinds"><h2>${escape(t.cases)}</h2><div class="chart" id="case-kinds-chart"></div></section></div>
<section class="card"><h2>${escape(t.samples)}</h2><table><tbody id="samples-rows"></tbody></table></section>
<section class="card"><h2>${escape(t.cases)}</h2><table><tbody id="cases-rows"></tbody></table></section>`;
  return dashboardShell(lang, `${t.disclosureTitle} ${region}`, body, 'disclosure.js', { region, period: query.get('period') ?? undefined }, query);
}
