import { escape } from '../../consumer/pageShell';
import { LanguageTags, type Language } from '../../consumer/i18n';
import { DashboardText } from './pageText';

/** Where the pages' scripts are served from: the gateway itself, as regulators' intranets reach no other host. */
export const ASSETS_PATH = '/assets/dashboard';

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;background:#f3f5f8;color:#1b1f24}
header{background:#12355b;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}header h1{font-size:1.2rem;margin:0;flex:1}header a{color:#cfe3ff}
main{max-width:72rem;margin:0 auto;padding:1rem}form{display:flex;gap:.5rem;align-items:end;flex-wrap:wrap;margin:.5rem 0}label{display:flex;flex-direction:column;font-size:.85rem;color:#5b6470}
input,button{font:inherit;padding:.3rem .5rem}button{cursor:pointer}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(21rem,1fr));gap:1rem}
.card{background:#fff;border-radius:.6rem;padding:.7rem 1rem;box-shadow:0 1px 2px #0002}.card h2{font-size:1rem;margin:.1rem 0 .4rem}.chart{height:260px}.graph{height:70vh}
.kpis{display:flex;gap:.4rem;flex-wrap:wrap}.kpi{border:1px solid #d5dbe3;background:#f8fafc;border-radius:.4rem;padding:.2rem .5rem}.kpi b{font-size:1.1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #e3e7ec;padding:.25rem .4rem;text-align:left}.error{color:#b3261e;font-weight:600}.hidden{display:none}`;

/**
 * A page of the dashboard or the disclosure: markup, the page text for its script (as JSON, never run),
 * ECharts and the page's script, all from this gateway. `data` is what the script needs besides the text.
 */
export function dashboardShell(lang: Language, title: string, body: string, script: string, data: Record<string, unknown> = {}, query = new URLSearchParams()): string {
  const text = JSON.stringify({ lang, text: DashboardText[lang], ...data }).replace(/</g, '\\u003c');
  // The switch keeps the rest of the query: a trace graph's recall, a disclosure's month.
  const switched = new URLSearchParams(query);
  switched.set('lang', lang === 'zh' ? 'en' : 'zh');
  return `<!doctype html><html lang="${LanguageTags[lang]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head><body>
<header><h1>${escape(title)}</h1><a id="lang-switch" href="?${escape(switched.toString())}">${escape(DashboardText[lang].switchTo)}</a></header>
<main>${body}</main>
<script type="application/json" id="page-data">${text}</script>
<script src="${ASSETS_PATH}/echarts.min.js"></script>
<script src="${ASSETS_PATH}/${script}"></script>
</body></html>`;
}
