import { LanguageTags, type Language } from './i18n';

/**
 * Times as a person in the place writes them: 2026年11月29日 08:30 / 29 Nov 2026, 08:30. The ledger
 * keeps ISO 8601 instants with whatever offset the recording site used; a shopper reads them in the
 * configured zone (the gateway's `displayTimeZone`), without seconds or offset.
 */

/** The default zone of "the place": every site on the platform is in mainland China. */
export const DEFAULT_DISPLAY_TIME_ZONE = 'Asia/Shanghai';

/** Whether Intl knows a time zone name (so the configuration can refuse a misspelt one at start). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Building a DateTimeFormat costs far more than formatting with one: keep one per language and zone. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(lang: Language, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withTime}`;
  let format = formats.get(key);
  if (!format) {
    // en-GB writes day month year and a 24-hour clock, as Chinese readers of English expect.
    const locale = lang === 'en' ? 'en-GB' : LanguageTags[lang];
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      year: 'numeric',
      month: lang === 'en' ? 'short' : 'long',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** An instant (ISO 8601 with offset) in `timeZone`; text that is no instant is shown as it is. */
export function localTime(instant: string, lang: Language, timeZone: string): string {
  const millis = Date.parse(instant);
  return Number.isNaN(millis) ? instant : formatOf(lang, timeZone, true).format(millis);
}

/** A calendar date (YYYY-MM-DD, such as an expiry date): the same day everywhere, so no zone applies. */
export function calendarDate(date: string, lang: Language): string {
  const millis = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(millis) ? date : formatOf(lang, 'UTC', false).format(millis);
}
