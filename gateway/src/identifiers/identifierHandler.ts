import type { TraceIdentifier } from '../../../model/src';
import type { ConsumerViews } from '../consumer/consumerViews';
import type { ElevatorViews } from '../consumer/elevatorViews';
import type { Language } from '../consumer/i18n';
import type { DrugCodeReader } from '../drugCodes';
import type { CodeVerdict } from '../qr';

/** What a handler reads: the consumer views, and whether the projector may not have caught up with an entry. */
export interface ScanReads {
  consumerViews: Pick<ConsumerViews, 'lot' | 'unit'>;
  /** Drug trace codes' verdicts, from the stored code lists and the projection. */
  drugCodes: Pick<DrugCodeReader, 'verify' | 'codeOfGs1'>;
  /** Lifts by the GIAI on their car (absent where a gateway serves no elevator pages). */
  elevators?: Pick<ElevatorViews, 'byGiai'>;
  /** Whether the read cache's entry under `key` may be behind the ledger (a block touching it is being projected). */
  mayBeOutOfDate(key: string): boolean;
}

/** What the ledger's projection knows of a scanned item. */
export interface ScannedFacts<Facts> {
  /** The ledger knows the item (a commissioned unit, a registered lot): its scans can build a clue. */
  known: boolean;
  /** When the item was sold, if it was: its scans count towards the after-sale rule. */
  soldAt?: string;
  /** What its answer shows; undefined when nothing is registered to show (a 404). */
  facts?: Facts;
}

/** How a scan is to be answered. */
export interface ScanReading<Id extends TraceIdentifier> {
  id: Id;
  /** The identifier's canonical path without its leading slash, as scans and clues name it. */
  subjectId: string;
  verdict: CodeVerdict;
  /** JSON when the client asked for it (plain or an RFC 9264 linkset), else the page. */
  format: 'linkset' | 'json' | undefined;
  lang: Language;
  /** The scanned query (signature, lang), which the page's links keep. */
  query: URLSearchParams;
  /** The resolver's public base URL, which linksets anchor on. */
  resolverBase: string;
}

export interface ScanAnswer {
  type: 'text/html' | 'application/json' | 'application/linkset+json';
  body: string;
}

/**
 * What the resolver does with one identifier kind: which facts it looks up, and the page or JSON it
 * answers with. A domain serves a kind by adding its handler to `identifierHandlers.ts`; a kind
 * without one is recognised and answered as not served yet.
 */
export interface IdentifierHandler<Id extends TraceIdentifier, Facts> {
  readonly kind: Id['kind'];
  facts(id: Id, reads: ScanReads): Promise<ScannedFacts<Facts>>;
  answer(scan: ScanReading<Id>, facts: Facts): ScanAnswer;
}
