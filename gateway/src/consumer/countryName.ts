import { LanguageTags, Text, type Language } from './i18n';

/** The code the ledger gives a lot made from parents of several origins (chaincode lineage.ts). */
export const MIXED_ORIGIN = 'XX';

/** Node's ICU names every ISO 3166 region; one DisplayNames per language is enough. */
const displayNames: Partial<Record<Language, Intl.DisplayNames>> = {};

/** A country of origin (ISO 3166-1 alpha-2) by its name in the page's language: 新西兰 / New Zealand. */
export function countryName(code: string, lang: Language): string {
  if (code === MIXED_ORIGIN) return Text[lang].mixedOrigin;
  const names = (displayNames[lang] ??= new Intl.DisplayNames([LanguageTags[lang]], { type: 'region', fallback: 'code' }));
  try {
    return names.of(code) ?? code;
  } catch {
    // Not a well-formed region code: show what the ledger holds rather than nothing.
    return code;
  }
}
