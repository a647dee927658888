import { eventTimeMillis } from '../eventTime';
import type { TimeSpan } from './timeSpan';

/** One stretch a logger was attached to a lot; an open period (no `to`) runs on. */
export interface AttachmentPeriod {
  from: string;
  to?: string;
}

/** Whether an attachment period and a span share an instant; an open period runs on. */
export function periodMeets(period: AttachmentPeriod, span: TimeSpan): boolean {
  return eventTimeMillis(period.from) <= span.endMs && (period.to === undefined || eventTimeMillis(period.to) >= span.startMs);
}
