import crypto from 'node:crypto';
import { digitalLinkPath, parseDigitalLink } from '../../../model/src';
import { Text, type Language } from './i18n';
import { escape, shell } from './pageShell';

/** The scanned code's signature parameters, carried through the report so the way back still verifies. */
export interface ScannedSignature {
  s?: string;
  k?: string;
}

/** The report form's category choices, per language. */
const categoryOptions = (lang: Language): string =>
  Object.entries(Text[lang].categories).map(([value, label]) => `<option value="${value}">${escape(label)}</option>`).join('');
const CATEGORY_OPTIONS: Record<Language, string> = { zh: categoryOptions('zh'), en: categoryOptions('en') };

/**
 * The report form: a plain HTML post, with a fresh key so a double submit files one clue. The
 * description goes on the ledger for good, so the form says so before anyone types a phone number
 * into it; contact details have their own field, kept off the ledger and deletable.
 */
export function complaintForm(lang: Language, subjectId: string, scanned: ScannedSignature = {}, category?: string, categories?: Record<string, string>): string {
  const t = Text[lang];
  const signature = (['s', 'k'] as const).map((name) => (scanned[name] ? `<input type="hidden" name="${name}" value="${escape(scanned[name])}">` : '')).join('');
  // A domain with its own complaint categories (a lift: stuck, fault, dirty, unsafe) passes their labels.
  const all = categories ? Object.entries(categories).map(([value, label]) => `<option value="${value}">${escape(label)}</option>`).join('') : CATEGORY_OPTIONS[lang];
  const options = category ? all.replace(`<option value="${category}">`, `<option value="${category}" selected>`) : all;
  return `<section class="card"><h2>${t.report}</h2><form id="complaint" method="post" action="/complaints">
<input type="hidden" name="subjectId" value="${escape(subjectId)}"><input type="hidden" name="idempotencyKey" value="${crypto.randomUUID()}"><input type="hidden" name="lang" value="${lang}">${signature}
<p><label>${t.category}<br><select name="category">${options}</select></label></p>
<p class="note" id="kept-forever">${t.keptForever}</p>
<p><label>${t.describe}<br><textarea name="text" rows="3" required minlength="5" maxlength="1000" style="width:100%"></textarea></label></p>
<p><label>${t.contact}<br><input name="contact" maxlength="200" style="width:100%"></label></p>
<p><button type="submit">${t.send}</button></p></form></section>`;
}

/** Characters of the clue id a person can read out or jot down; the full id follows in small print. */
export const SHORT_REFERENCE_LENGTH = 8;

/** The scanned item's page as it was scanned (signature and language kept), or the site root when the subject is no Digital Link. */
export function backLink(subjectId: string, lang: Language, scanned: ScannedSignature = {}): string {
  let path: string;
  try {
    path = digitalLinkPath(parseDigitalLink(`/${subjectId}`));
  } catch {
    return '/';
  }
  const query = new URLSearchParams();
  if (scanned.s) query.set('s', scanned.s);
  if (scanned.k) query.set('k', scanned.k);
  query.set('lang', lang);
  return `${path}?${query.toString()}`;
}

/** The thank-you page: a short reference, the full one in small print, the contact purge and the way back. */
export function complaintReceivedPage(lang: Language, clueId: string, purgeToken: string | undefined, subjectId: string, scanned: ScannedSignature = {}): string {
  const t = Text[lang];
  const purge = purgeToken
    ? `<form method="post" action="/complaints/${escape(clueId)}/contact/purge" id="purge"><input type="hidden" name="purgeToken" value="${escape(purgeToken)}"><input type="hidden" name="lang" value="${lang}"><button type="submit">${t.purge}</button></form>`
    : '';
  return shell(
    lang,
    t.title,
    `<h1 id="received">${t.received}</h1><p class="card">${t.clueNumber}: <strong class="ref" id="clue-ref">${escape(clueId.slice(0, SHORT_REFERENCE_LENGTH))}</strong><br><small>${t.fullClueNumber}: <code id="clue-id">${escape(clueId)}</code></small></p>${purge}
<p><a id="back" href="${escape(backLink(subjectId, lang, scanned))}">${t.back}</a></p>`,
  );
}

/** What a consumer sees after deleting their contact details from the report form's thank-you page. */
export function contactPurgedPage(lang: Language, clueId: string): string {
  const t = Text[lang];
  return shell(lang, t.title, `<h1 id="purged">${t.purged}</h1><p class="card">${t.clueNumber}: <strong class="ref">${escape(clueId.slice(0, SHORT_REFERENCE_LENGTH))}</strong></p>`);
}
