import { LanguageTags, Text, type Language } from './i18n';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escape = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

const STYLE = `body{font:16px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;background:#f5f6f8;color:#1b1f24}
main{max-width:34rem;margin:0 auto;padding:1rem}h1{font-size:1.3rem;margin:.2rem 0 1rem}h3{font-size:1rem;margin:.6rem 0 .2rem}.card{background:#fff;border-radius:.6rem;padding:.8rem 1rem;margin:.7rem 0;box-shadow:0 1px 2px #0002}
.banner{border-radius:.6rem;padding:.7rem 1rem;margin:.5rem 0;font-weight:600}.warn{background:#b3261e;color:#fff}.info{background:#fff4ce}.ok{background:#e3f6e8}
dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .8rem;margin:0}dt{color:#5b6470}dd{margin:0}ol,ul{padding-left:1.2rem;margin:.3rem 0}li{margin:.3rem 0}
.lang{float:right;font-size:.9rem}small{color:#5b6470}.warn small{color:#fde7e5}.note{font-size:.9rem;color:#5b6470}.ref{font-size:1.4rem;letter-spacing:.08em}code{word-break:break-all}`;

/** A consumer page: no script, inline style only (the resolver's policy allows nothing else). */
export function shell(lang: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${LanguageTags[lang]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** Switches language and keeps the rest of the query (the code's signature must survive the switch). */
export function switchLink(lang: Language, query: URLSearchParams = new URLSearchParams()): string {
  const next = new URLSearchParams(query);
  next.set('lang', lang === 'zh' ? 'en' : 'zh');
  return `<a class="lang" id="lang-switch" href="?${escape(next.toString())}">${Text[lang].switchTo}</a>`;
}
