import { dayOf, digitalLinkPath, publicCustodyRecord, type CustodyRecord } from '../../../model/src';
import type { CodeVerdict } from '../qr';
import { complaintForm, type ScannedSignature } from './complaintPages';
import { countryName } from './countryName';
import { Text, type Language } from './i18n';
import { calendarDate } from './calendarDateText';
import type { LotInput } from './lotInputs';
import type { BannerKind, ConsumerLotView } from './lotView';
import { escape, shell, switchLink } from './pageShell';
import type { ConsumerUnit } from './unitView';

/** How a page is read: its language and the scanned query (signature, lang). */
export interface PageContext {
  lang: Language;
  query?: URLSearchParams;
}

/** What the temperature line says, strongest first: an excursion outweighs everything, a gap only means nobody can tell. */
export type TemperatureState = 'excursion' | 'none' | 'gap' | 'ok';

export function temperatureStateOf(view: Pick<ConsumerLotView, 'alerts' | 'temperatureRecorded'>): TemperatureState {
  if (view.alerts.some((a) => a.kind === 'excursion')) return 'excursion';
  // Nothing recorded: "no excursion found" would claim a check that never happened.
  if (!view.temperatureRecorded) return 'none';
  return view.alerts.some((a) => a.kind === 'temperatureGap') ? 'gap' : 'ok';
}

/** The parts of a lot's page that follow from its view, the language and the zone alone, rendered once per view. */
interface LotPageParts {
  /** The product facts up to the responsible enterprise (a unit's serial follows). */
  product: string;
  /** Journey (with the inputs' part), documents and temperature. */
  rest: string;
}

/** Keyed by the view's enterprise names, an object built once per view and shared by a unit's copy of it. */
const renderedParts = new WeakMap<ConsumerLotView['enterprises'], Map<string, LotPageParts>>();

type NameOf = (enterpriseId: string) => string;

/** A custody step as the public sees it (LotAudiences): who, what, which day and which city. */
function custodyItem(record: CustodyRecord, name: NameOf, { lang }: PageContext): string {
  const t = Text[lang];
  const e = publicCustodyRecord(record);
  const place = e.place ? ` · <span data-city="${escape(e.place.cityRegion)}">${escape(e.place.cityRegion)}</span>` : '';
  return `<li data-action="${escape(e.action)}"><strong>${escape(t.actions[e.action] ?? e.action)}</strong> · ${name(e.enterpriseId)}<br><small><time datetime="${escape(e.day)}">${escape(calendarDate(e.day, lang))}</time>${place}</small></li>`;
}

/** One input lot: what and where from, a link to its own page, and its custody until this lot was made of it. */
function inputItem(input: LotInput, name: NameOf, page: PageContext): string {
  const t = Text[page.lang];
  if (!input.lot) {
    return `<li data-input="${escape(input.lotId)}"><a href="/${escape(input.lotId)}?lang=${page.lang}">${escape(input.lotId)}</a></li>`;
  }
  const { lot } = input;
  const href = `${digitalLinkPath({ kind: 'lot', gtin: lot.gtin, lot: lot.lotNumber })}?lang=${page.lang}`;
  const custody = input.custody.map((e) => custodyItem(e, name, page)).join('');
  return `<li data-input="${escape(input.lotId)}"><a href="${escape(href)}">${escape(lot.product)} · ${t.lot} ${escape(lot.lotNumber)}</a><br><small>${escape(lot.producer)} · <span data-country="${escape(lot.originCountry)}">${escape(countryName(lot.originCountry, page.lang))}</span></small>${custody ? `<ol>${custody}</ol>` : ''}</li>`;
}

function inputsPart(view: ConsumerLotView, name: NameOf, page: PageContext): string {
  if (view.inputs.length === 0) return '';
  const t = Text[page.lang];
  const more = view.moreInputs > 0 ? `<li><small>${escape(t.moreInputs.replace('{count}', String(view.moreInputs)))}</small></li>` : '';
  return `<h3>${t.inputs}</h3><ul id="inputs">${view.inputs.map((input) => inputItem(input, name, page)).join('')}${more}</ul><h3>${t.thisLot}</h3>`;
}

function lotPageParts(view: ConsumerLotView, page: PageContext): LotPageParts {
  const key = page.lang;
  const known = renderedParts.get(view.enterprises)?.get(key);
  if (known) return known;
  const t = Text[page.lang];
  const { lot } = view;
  const name: NameOf = (id) => escape(view.enterprises[id] ?? id);
  const journey = view.journey.map((e) => custodyItem(e, name, page)).join('');
  const temperature = temperatureStateOf(view);
  const temperatureText = { excursion: t.temperatureBad, none: t.temperatureNone, gap: t.temperatureGap, ok: t.temperatureOk }[temperature];
  const parts: LotPageParts = {
    product: `<section class="card"><dl><dt>${t.product}</dt><dd>${escape(lot.product)}</dd><dt>${t.producer}</dt><dd>${escape(lot.producer)}</dd>
<dt>${t.origin}</dt><dd data-country="${escape(lot.originCountry)}">${escape(countryName(lot.originCountry, page.lang))}</dd><dt>${t.lot}</dt><dd>${escape(lot.lotNumber)}</dd><dt>${t.expiry}</dt><dd><time datetime="${escape(lot.expiryDate)}">${escape(calendarDate(lot.expiryDate, page.lang))}</time></dd>
<dt>${t.owner}</dt><dd>${name(lot.ownerId)}</dd>`,
    rest: `</dl></section>
<section class="card"><h2>${t.journey}</h2>${inputsPart(view, name, page)}<ol id="journey">${journey}</ol></section>
<section class="card"><dl><dt>${t.documents}</dt><dd data-documents="${lot.documentStatus}">${lot.documentStatus === 'complete' ? t.complete : t.incomplete}</dd>
<dt>${t.temperature}</dt><dd data-temperature="${temperature}">${temperatureText}</dd></dl></section>
`,
  };
  let byKey = renderedParts.get(view.enterprises);
  if (!byKey) renderedParts.set(view.enterprises, (byKey = new Map()));
  byKey.set(key, parts);
  return parts;
}

/** The signature parameters of the scanned query, for the report form to carry back. */
function scannedSignature(query: URLSearchParams | undefined): ScannedSignature {
  const s = query?.get('s') ?? undefined;
  const k = query?.get('k') ?? undefined;
  return { ...(s ? { s } : {}), ...(k ? { k } : {}) };
}

/** Banners a failed signature still shows: a hold warns whoever holds the item, and vouches for nothing. */
const SAFETY_BANNERS: readonly BannerKind[] = ['recalled', 'quarantined'];

function bannerHtml(kind: BannerKind, text: string, view: ConsumerLotView): string {
  const tone = kind === 'documentsIncomplete' || kind === 'outOfDate' ? 'info' : 'warn';
  const reason = kind === 'recalled' && view.lot.hold ? `<br><small>${escape(view.lot.hold.reason)}</small>` : '';
  return `<div class="banner ${tone}" data-banner="${kind}">${text}${reason}</div>`;
}

/**
 * The page of a code whose signature fails: the warning, why nothing else is shown, and the report
 * form (pre-set to "looks counterfeit"). Product facts, journey and the lot's other banners are left
 * out: printed next to a forged label they would vouch for it. A recall or quarantine still shows.
 */
function notAuthenticPage(view: ConsumerLotView, page: PageContext, subjectId: string): string {
  const t = Text[page.lang];
  const holds = view.banners.filter((kind) => SAFETY_BANNERS.includes(kind)).map((kind) => bannerHtml(kind, escape(t[kind]), view)).join('');
  return shell(
    page.lang,
    t.title,
    `${switchLink(page.lang, page.query)}<h1>${escape(t.title)}</h1><div class="banner warn" data-authenticity="not-authentic">${t.fake}</div>${holds}
<p class="card" id="fake-advice">${t.fakeAdvice}</p>${complaintForm(page.lang, subjectId, scannedSignature(page.query), 'counterfeit')}`,
  );
}

/**
 * The consumer page of a lot: server-rendered, no script, readable on a phone in one screen.
 * Warnings come first, then authenticity, product facts, journey, documents and temperature.
 */
export function lotPage(view: ConsumerLotView, verdict: CodeVerdict, page: PageContext, unit?: ConsumerUnit & { subjectId: string }): string {
  const subjectId = unit?.subjectId ?? view.lot.id;
  if (verdict.status === 'not-authentic') return notAuthenticPage(view, page, subjectId);
  const { lang, query } = page;
  const t = Text[lang];
  const { lot } = view;
  const bannerText = (kind: BannerKind): string =>
    kind === 'sold' && unit?.sale ? escape(t.sold.replace('{date}', calendarDate(dayOf(unit.sale.eventTime), lang)).replace('{shop}', unit.sale.soldByName)) : escape(t[kind]);
  const banners = view.banners.map((kind) => bannerHtml(kind, bannerText(kind), view)).join('');
  const authenticity =
    verdict.status === 'authentic' ? `<div class="banner ok" data-authenticity="authentic">${t.genuine}</div>` : `<div class="banner info" data-authenticity="unsigned">${t.unsigned}</div>`;
  const parts = lotPageParts(view, page);
  return shell(
    lang,
    `${t.title} · ${lot.product}`,
    `${switchLink(lang, query)}<h1>${escape(t.title)}</h1>${banners}${authenticity}
${parts.product}${unit ? `<dt>${t.serial}</dt><dd data-serial="${escape(unit.serial)}">${escape(unit.serial)}</dd>` : ''}${parts.rest}${complaintForm(lang, subjectId, scannedSignature(query))}`,
  );
}

export function problemPage(lang: Language, status: 404 | 400, detail: string): string {
  const t = Text[lang];
  return shell(lang, t.title, `${switchLink(lang)}<h1>${escape(status === 404 ? t.notFound : t.badCode)}</h1><p class="card"><small>${escape(detail)}</small></p>`);
}

/**
 * The 404 page of a code the resolver recognised or not, but does not serve: the heading says which,
 * the detail (also the JSON problem's) says what it read. `kind` marks the kind for programs and tests.
 */
export function unservedPage(lang: Language, heading: string, detail: string, kind?: string): string {
  const marked = kind ? ` data-identifier-kind="${escape(kind)}"` : '';
  return shell(lang, Text[lang].title, `${switchLink(lang)}<h1${marked}>${escape(heading)}</h1><p class="card">${escape(detail)}</p>`);
}
