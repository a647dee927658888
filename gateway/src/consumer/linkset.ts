import { LanguageTags, Languages } from './i18n';

/** One link of a GS1 linkset (RFC 9264 target attributes). */
interface LinkTarget {
  href: string;
  type: string;
  hreflang: string[];
  title: string;
}

/** The GS1 link type of a consumer's product information page. */
export const PRODUCT_INFO_PAGE = 'https://gs1.org/voc/pip';

/**
 * The resolver's `application/linkset+json` answer: the item's consumer page in every language it is
 * written in, each with its `?lang=`, whatever language the asking client prefers; a GS1 client
 * picks by `hreflang`.
 */
export function consumerLinkset(anchor: string, title: string): { linkset: ({ anchor: string } & Record<typeof PRODUCT_INFO_PAGE, LinkTarget[]>)[] } {
  const pages = Languages.map((lang) => ({ href: `${anchor}?lang=${lang}`, type: 'text/html', hreflang: [LanguageTags[lang]], title }));
  return { linkset: [{ anchor, [PRODUCT_INFO_PAGE]: pages }] };
}
