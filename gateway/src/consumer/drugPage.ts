import crypto from 'node:crypto';
import type { DrugCodeVerification } from '../drugCodes';
import { DrugText } from './drugText';
import type { Language } from './i18n';
import { escape, shell } from './pageShell';

const BANNER_CLASS: Record<DrugCodeVerification['verdict'], 'ok' | 'warn' | 'info'> = { genuine: 'ok', unknown: 'warn', dispensed: 'warn', recalled: 'warn', expired: 'warn', suspect: 'warn' };

/** Groups the 20 digits as printed under the bar code, so a reader can compare them. */
const grouped = (code: string): string => code.replace(/(\d{4})(?=\d)/g, '$1 ');

/**
 * The mobile verify page of a drug trace code: the verdict first, then the drug's facts (names,
 * strength, holder, batch, expiry, approval number). A pack shows how many it holds, never which
 * codes. No script, as every consumer page.
 */
export function drugCodePage(verification: DrugCodeVerification, lang: Language, holderName?: string): string {
  const t = DrugText[lang];
  const { verdict, product, batch } = verification;
  const advice = t.verdictAdvice[verdict];
  const row = (label: string, value: string | undefined): string => (value === undefined ? '' : `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>`);
  const facts = product
    ? `<section class="card"><dl>${row(t.genericName, product.genericName)}${row(t.tradeName, product.tradeName)}${row(t.strength, product.strength)}${row(t.dosageForm, product.dosageForm)}${row(t.packageSpec, product.packageSpec)}${row(t.approvalNumber, product.approvalNumber)}${row(t.holder, holderName ?? product.holderId)}${row(t.batch, batch?.batchNumber)}${row(t.produced, batch?.productionDate)}${row(t.expiry, batch?.expiryDate)}${row(t.storage, product.storageCondition)}</dl></section>`
    : '';
  const used = verification.used ? `<p class="note">${escape(t.usedOn)}: <time datetime="${escape(verification.used.day)}">${escape(verification.used.day)}</time>${verification.used.cityRegion ? ` · ${escape(t.city)} <span data-city="${escape(verification.used.cityRegion)}">${escape(verification.used.cityRegion)}</span>` : ''}</p>` : '';
  const contents = verification.contents
    ? `<p class="note" id="contents">${escape(t.contents)}: ${Object.entries(verification.contents).map(([level, n]) => `${n} ${escape(t.levels[level] ?? level)}`).join(' · ')}</p>`
    : '';
  const mismatch = (verification.labelMismatch ?? [])
    .map((m) => `<p class="note" data-mismatch="${escape(m.field)}">${escape(t.labelMismatch.replace('{field}', t.labelFields[m.field]).replace('{printed}', m.printed).replace('{recorded}', m.recorded))}</p>`)
    .join('');
  const level = verification.level ? ` · ${escape(t.levels[verification.level] ?? verification.level)}` : '';
  const other = lang === 'zh' ? 'en' : 'zh';
  const body = `<a class="lang" id="lang-switch" href="?lang=${other}">${t.switchTo}</a><h1>${escape(t.title)}</h1>
<p>${escape(t.code)} <code id="code">${escape(grouped(verification.code))}</code>${level}</p>
<div class="banner ${BANNER_CLASS[verdict]}" id="verdict" data-verdict="${escape(verdict)}">${escape(t.verdicts[verdict])}${advice ? `<br><small>${escape(advice)}</small>` : ''}</div>${mismatch}${used}${contents}${facts}${verdict === 'unknown' ? '' : reactionForm(lang, verification.code)}`;
  return shell(lang, t.title, body);
}

const options = (labels: Record<string, string>): string => Object.entries(labels).map(([value, label]) => `<option value="${value}">${escape(label)}</option>`).join('');

/**
 * A patient's report of a suspected adverse reaction, as a plain HTML post with a fresh key (a double
 * submit files one report). The description goes on the ledger for good, so the form says so; the
 * contact has its own field, kept off the ledger and deletable.
 */
function reactionForm(lang: Language, code: string): string {
  const t = DrugText[lang];
  return `<section class="card"><h3>${escape(t.report)}</h3><form id="reaction" method="post" action="/drug/codes/${escape(code)}/adverse-reactions">
<input type="hidden" name="idempotencyKey" value="${crypto.randomUUID()}"><input type="hidden" name="lang" value="${lang}">
<p class="note">${escape(t.keptForever)}</p>
<p><label>${escape(t.describe)}<br><textarea name="description" rows="3" required minlength="5" maxlength="2000" style="width:100%"></textarea></label></p>
<p><label>${escape(t.seriousness)} <select name="seriousness">${options(t.seriousnessOptions)}</select></label></p>
<p><label>${escape(t.outcome)} <select name="outcome">${options(t.outcomeOptions)}</select></label></p>
<p><label>${escape(t.contact)}<br><input name="contact" maxlength="200" style="width:100%"></label></p>
<p><button type="submit">${escape(t.send)}</button></p></form></section>`;
}

/** The thank-you page of a report from the form: its reference, the contact purge, and the way back to the code. */
export function reactionReceivedPage(lang: Language, reportId: string, purgeToken: string | undefined, code: string): string {
  const t = DrugText[lang];
  const purge = purgeToken
    ? `<form method="post" action="/complaints/${escape(reportId)}/contact/purge" id="purge"><input type="hidden" name="purgeToken" value="${escape(purgeToken)}"><input type="hidden" name="lang" value="${lang}"><button type="submit">${escape(t.purge)}</button></form>`
    : '';
  return shell(lang, t.title, `<h1 id="received">${escape(t.received)}</h1><p class="card">${escape(t.reference)}: <code id="report-id">${escape(reportId)}</code></p>${purge}<p><a id="back" href="/drugcodes/${escape(code)}?lang=${lang}">${escape(t.back)}</a></p>`);
}

/** The entry page: the 20 digits typed in (a Code 128 carries no URL), sent to the resolver path. */
export function drugCodeEntryPage(lang: Language, problem?: string, typed = ''): string {
  const t = DrugText[lang];
  const other = lang === 'zh' ? 'en' : 'zh';
  const error = problem ? `<div class="banner warn" id="entry-problem">${escape(t.entryBad)}${escape(problem)}</div>` : '';
  const body = `<a class="lang" id="lang-switch" href="?lang=${other}">${t.switchTo}</a><h1>${escape(t.entryTitle)}</h1>${error}
<form class="card" method="get" action="/drugcodes"><p>${escape(t.entryHelp)}</p><input type="hidden" name="lang" value="${lang}">
<input name="code" inputmode="numeric" autocomplete="off" maxlength="40" value="${escape(typed)}" style="font-size:1.3rem;width:100%;letter-spacing:.05em" aria-label="${escape(t.code)}">
<p><button type="submit">${escape(t.entryButton)}</button></p></form>`;
  return shell(lang, t.entryTitle, body);
}
