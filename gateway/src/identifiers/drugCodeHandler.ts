import type { DrugTraceCode } from '../../../model/src';
import { drugCodePage } from '../consumer/drugPage';
import { consumerLinkset } from '../consumer/linkset';
import type { DrugCodeVerification } from '../drugCodes';
import type { IdentifierHandler } from './identifierHandler';

/** Today where the page is read: the dates of Chinese packs are China's (UTC+8). */
const todayInChina = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The 20-digit drug trace code: the verdict (genuine, unknown, dispensed, recalled, expired,
 * suspect) and the drug's facts, as a page in zh or en, JSON or a linkset. An unknown code is
 * answered as such, not as a 404: a reader must learn that the pack may be counterfeit.
 */
export const drugCodeHandler: IdentifierHandler<DrugTraceCode, DrugCodeVerification> = {
  kind: 'drugTraceCode',
  async facts(id, reads) {
    const verification = await reads.drugCodes.verify(id.code, todayInChina());
    return { known: verification.verdict !== 'unknown', facts: verification };
  },
  answer(scan, verification) {
    if (scan.format === 'linkset') {
      return { type: 'application/linkset+json', body: JSON.stringify(consumerLinkset(`${scan.resolverBase}/${scan.subjectId}`, verification.product?.genericName ?? scan.subjectId)) };
    }
    if (scan.format === 'json') return { type: 'application/json', body: JSON.stringify(verification) };
    return { type: 'text/html', body: drugCodePage(verification, scan.lang) };
  },
};
