/** Which risk clues may name an identifier of a kind as their subject. */
export type ClueSubjectRole =
  /** A consumer's complaint from the scan page. */
  | 'complaint'
  /** Far-apart scans of one code within an hour: only where one code names one item. */
  | 'hourlyScans'
  /** Scans of a unit after its recorded retail sale. */
  | 'scansAfterSale';

/**
 * One kind of identifier a code can carry (a GS1 lot, an SSCC, a drug trace code …): how it is read
 * from a resolver path and from a bare string, and how it is written back. A domain adds a kind by
 * writing one of these and listing it in `identifierKinds.ts`; what the gateway shows for it is the
 * gateway's own list.
 */
export interface IdentifierKind<Id extends { kind: string }> {
  readonly kind: Id['kind'];
  /**
   * Its resolver path as OpenAPI writes it, e.g. `/01/{gtin}/10/{lot}`. The first segment is its key:
   * a GS1 primary-key AI, or a name for codes outside GS1. Kinds may share a key (lots and units
   * share AI 01) and tell themselves apart by what follows.
   */
  readonly route: string;
  /** Whether `/codes/qr` draws codes of this kind and their signatures are checked: the Digital Links this ledger prints. */
  readonly printed: boolean;
  readonly clueSubject: readonly ClueSubjectRole[];
  /**
   * Reads it from the decoded path segments after its key (at most five): undefined when they have
   * another kind's shape; throws a `DigitalLinkError` when they have this kind's shape but a wrong value.
   */
  fromPath(values: readonly string[]): Id | undefined;
  /**
   * Adds what a Digital Link's query carries of the identifier (GS1 data attributes such as a unit's
   * printed batch and expiry) to one read from the path; throws a `DigitalLinkError` on a wrong value.
   * Kinds without attributes leave it out.
   */
  attributes?(id: Id, query: URLSearchParams): Id;
  /**
   * Reads it from a bare string as printed under a barcode or typed in: a GS1 element string such as
   * `(01)09521234543213(10)LOT42`, an EPC URN, or the digits of a code outside GS1. Undefined when the
   * text is not of this kind; throws a `DigitalLinkError` when it is but its value is wrong.
   */
  fromText(text: string): Id | undefined;
  /** Its resolver path, values percent-encoded; throws a `DigitalLinkError` when the identifier is not valid. */
  path(id: Id): string;
  /** Its human-readable form: the GS1 element string, or the printed digits. */
  text(id: Id): string;
}
