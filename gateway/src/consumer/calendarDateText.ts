import { LanguageTags, type Language } from './i18n';

/**
 * Dates as a person writes them: 2026年11月29日 / 29 Nov 2026. Consumer pages show days only (times of
 * day are for the parties, see the model's audiences), so no time zone applies.
 */

/** Building a DateTimeFormat costs far more than formatting with one: keep one per language. */
const formats = new Map<Language, Intl.DateTimeFormat>();

function formatOf(lang: Language): Intl.DateTimeFormat {
  let format = formats.get(lang);
  if (!format) {
    // en-GB writes day month year, as Chinese readers of English expect.
    const locale = lang === 'en' ? 'en-GB' : LanguageTags[lang];
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric' });
    formats.set(lang, format);
  }
  return format;
}

/** A calendar date (YYYY-MM-DD, such as an expiry date or the day of a hand-off): the same day everywhere. */
export function calendarDate(date: string, lang: Language): string {
  const millis = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(millis) ? date : formatOf(lang).format(millis);
}
