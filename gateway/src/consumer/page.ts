import crypto from 'node:crypto';
import type { CodeVerdict } from '../qr';
import { Text, type Language } from './i18n';
import type { ConsumerLotView } from './lotView';
import type { ConsumerUnit } from './unitView';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

const STYLE = `body{font:16px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;background:#f5f6f8;color:#1b1f24}
main{max-width:34rem;margin:0 auto;padding:1rem}h1{font-size:1.3rem;margin:.2rem 0 1rem}.card{background:#fff;border-radius:.6rem;padding:.8rem 1rem;margin:.7rem 0;box-shadow:0 1px 2px #0002}
.banner{border-radius:.6rem;padding:.7rem 1rem;margin:.5rem 0;font-weight:600}.warn{background:#b3261e;color:#fff}.info{background:#fff4ce}.ok{background:#e3f6e8}
dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .8rem;margin:0}dt{color:#5b6470}dd{margin:0}ol{padding-left:1.2rem;margin:.3rem 0}li{margin:.3rem 0}
.lang{float:right;font-size:.9rem}small{color:#5b6470}.warn small{color:#fde7e5}`;

function shell(lang: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** Switches language and keeps the rest of the query (the code's signature must survive the switch). */
function switchLink(lang: Language, query: URLSearchParams = new URLSearchParams()): string {
  const next = new URLSearchParams(query);
  next.set('lang', lang === 'zh' ? 'en' : 'zh');
  return `<a class="lang" id="lang-switch" href="?${escape(next.toString())}">${Text[lang].switchTo}</a>`;
}

/** The parts of a lot's page that follow from its view and the language alone, rendered once per view. */
interface LotPageParts {
  /** The product facts up to the responsible enterprise (a unit's serial follows). */
  product: string;
  /** Journey, documents and temperature. */
  rest: string;
}

/** Keyed by the view's enterprise names, an object built once per view and shared by a unit's copy of it. */
const renderedParts = new WeakMap<ConsumerLotView['enterprises'], Partial<Record<Language, LotPageParts>>>();

function lotPageParts(view: ConsumerLotView, lang: Language): LotPageParts {
  const known = renderedParts.get(view.enterprises)?.[lang];
  if (known) return known;
  const t = Text[lang];
  const { lot } = view;
  const name = (id: string): string => escape(view.enterprises[id] ?? id);
  const journey = view.journey
    .map((e) => `<li data-action="${escape(e.action)}"><strong>${escape(t.actions[e.action] ?? e.action)}</strong> · ${name(e.enterpriseId)}<br><small>${escape(e.eventTime)}${e.location && 'address' in e.location ? ` · ${escape(e.location.address)}` : ''}</small></li>`)
    .join('');
  // An excursion outweighs a gap: a gap only means nobody can tell.
  const temperature = view.alerts.some((a) => a.kind === 'excursion') ? 'excursion' : view.alerts.some((a) => a.kind === 'temperatureGap') ? 'gap' : 'ok';
  const temperatureText = { excursion: t.temperatureBad, gap: t.temperatureGap, ok: t.temperatureOk }[temperature];
  const parts: LotPageParts = {
    product: `<section class="card"><dl><dt>${t.product}</dt><dd>${escape(lot.product)}</dd><dt>${t.producer}</dt><dd>${escape(lot.producer)}</dd>
<dt>${t.origin}</dt><dd>${escape(lot.originCountry)}</dd><dt>${t.lot}</dt><dd>${escape(lot.lotNumber)}</dd><dt>${t.expiry}</dt><dd>${escape(lot.expiryDate)}</dd>
<dt>${t.owner}</dt><dd>${name(lot.ownerId)}</dd>`,
    rest: `</dl></section>
<section class="card"><h2>${t.journey}</h2><ol id="journey">${journey}</ol></section>
<section class="card"><dl><dt>${t.documents}</dt><dd data-documents="${lot.documentStatus}">${lot.documentStatus === 'complete' ? t.complete : t.incomplete}</dd>
<dt>${t.temperature}</dt><dd data-temperature="${temperature}">${temperatureText}</dd></dl></section>
`,
  };
  renderedParts.set(view.enterprises, { ...renderedParts.get(view.enterprises), [lang]: parts });
  return parts;
}

/**
 * The consumer page of a lot: server-rendered, no script, readable on a phone in one screen.
 * Warnings come first, then authenticity, product facts, journey, documents and temperature.
 */
export function lotPage(view: ConsumerLotView, verdict: CodeVerdict, lang: Language, query?: URLSearchParams, unit?: ConsumerUnit & { subjectId: string }): string {
  const t = Text[lang];
  const { lot } = view;
  const bannerText = (kind: ConsumerLotView['banners'][number]): string =>
    kind === 'sold' && unit?.sale ? escape(t.sold.replace('{date}', unit.sale.eventTime.slice(0, 10)).replace('{shop}', unit.sale.soldByName)) : escape(t[kind]);
  const banners = view.banners
    .map((kind) => `<div class="banner ${kind === 'documentsIncomplete' || kind === 'outOfDate' ? 'info' : 'warn'}" data-banner="${kind}">${bannerText(kind)}${kind === 'recalled' && lot.hold ? `<br><small>${escape(lot.hold.reason)}</small>` : ''}</div>`)
    .join('');
  const authenticity =
    verdict.status === 'authentic' ? `<div class="banner ok" data-authenticity="authentic">${t.genuine}</div>`
    : verdict.status === 'unsigned' ? `<div class="banner info" data-authenticity="unsigned">${t.unsigned}</div>`
    : `<div class="banner warn" data-authenticity="not-authentic">${t.fake}</div>`;
  const parts = lotPageParts(view, lang);
  return shell(
    lang,
    `${t.title} · ${lot.product}`,
    `${switchLink(lang, query)}<h1>${escape(t.title)}</h1>${banners}${authenticity}
${parts.product}${unit ? `<dt>${t.serial}</dt><dd data-serial="${escape(unit.serial)}">${escape(unit.serial)}</dd>` : ''}${parts.rest}${complaintForm(lang, unit?.subjectId ?? lot.id)}`,
  );
}

/** The report form's category choices, per language. */
const categoryOptions = (lang: Language): string =>
  Object.entries(Text[lang].categories).map(([value, label]) => `<option value="${value}">${escape(label)}</option>`).join('');
const CATEGORY_OPTIONS: Record<Language, string> = { zh: categoryOptions('zh'), en: categoryOptions('en') };

/** The report form: a plain HTML post, with a fresh key so a double submit files one clue. */
function complaintForm(lang: Language, subjectId: string): string {
  const t = Text[lang];
  return `<section class="card"><h2>${t.report}</h2><form id="complaint" method="post" action="/complaints">
<input type="hidden" name="subjectId" value="${escape(subjectId)}"><input type="hidden" name="idempotencyKey" value="${crypto.randomUUID()}"><input type="hidden" name="lang" value="${lang}">
<p><label>${t.category}<br><select name="category">${CATEGORY_OPTIONS[lang]}</select></label></p>
<p><label>${t.describe}<br><textarea name="text" rows="3" required minlength="5" maxlength="1000" style="width:100%"></textarea></label></p>
<p><label>${t.contact}<br><input name="contact" maxlength="200" style="width:100%"></label></p>
<p><button type="submit">${t.send}</button></p></form></section>`;
}

export function complaintReceivedPage(lang: Language, clueId: string, purgeToken: string | undefined): string {
  const t = Text[lang];
  const purge = purgeToken
    ? `<form method="post" action="/complaints/${escape(clueId)}/contact/purge" id="purge"><input type="hidden" name="purgeToken" value="${escape(purgeToken)}"><button type="submit">${t.purge}</button></form>`
    : '';
  return shell(lang, t.title, `<h1 id="received">${t.received}</h1><p class="card">${t.clueNumber}: <code id="clue-id">${escape(clueId)}</code></p>${purge}`);
}

export function problemPage(lang: Language, status: 404 | 400, detail: string): string {
  const t = Text[lang];
  return shell(lang, t.title, `${switchLink(lang)}<h1>${escape(status === 404 ? t.notFound : t.badCode)}</h1><p class="card"><small>${escape(detail)}</small></p>`);
}
