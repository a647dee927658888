import { z } from 'zod';
import { CalendarDateSchema } from '../calendarDate';
import { cleanId } from '../cleanText';
import { ClaimedAssuranceSchema, type AssuranceLabel } from '../supplychain/assurance';

/**
 * Entry documents of a lot. The file stays off-chain with the gateway; the ledger keeps its number,
 * issuer, date and SHA-256, so a downloaded file can be checked against what was recorded.
 */
export const DocumentKinds = [
  'customsDeclaration',
  'inspectionQuarantineCertificate',
  'testReport',
  'disinfectionCertificate',
  'originCertificate',
] as const;
export type DocumentKind = (typeof DocumentKinds)[number];

export const LotTypes = ['imported', 'domestic'] as const;
export type LotType = (typeof LotTypes)[number];

/**
 * The documents a lot must carry before it may be released for sale, per lot type. Imported lots
 * follow the provincial "three certificates + one code" plus the customs declaration; domestic lots
 * need a test report and a certificate of origin. Change the rule here, not in code.
 */
export const RequiredDocuments: Readonly<Record<LotType, readonly DocumentKind[]>> = {
  imported: ['customsDeclaration', 'inspectionQuarantineCertificate', 'testReport', 'disinfectionCertificate'],
  domestic: ['testReport', 'originCertificate'],
};

export const EntryDocumentInputSchema = z.strictObject({
  kind: z.enum(DocumentKinds),
  /** The document's own number; it tells apart documents of one kind, so it is an id. */
  number: cleanId('IQ-2026-000123').min(1).max(64),
  issuer: z.string().min(1).max(200),
  issuedOn: CalendarDateSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters'),
  assurance: ClaimedAssuranceSchema,
});

export type EntryDocumentInput = z.infer<typeof EntryDocumentInputSchema>;

/** A document as the lot keeps it. */
export interface EntryDocument extends Omit<EntryDocumentInput, 'assurance'> {
  assurance: AssuranceLabel;
  addedBy: string;
  addedAt: string;
  txId: string;
}

/** Documents of a lot, by kind; a kind may hold several (e.g. test reports of merged lots). */
export type LotDocuments = Partial<Record<DocumentKind, EntryDocument[]>>;

/** The required kinds a lot still lacks, in the order of the rule table. */
export function missingDocuments(lotType: LotType, documents: LotDocuments): DocumentKind[] {
  return RequiredDocuments[lotType].filter((kind) => (documents[kind]?.length ?? 0) === 0);
}

/** Every document of several lots, without repeating one (same kind and number). */
export function unionOfDocuments(all: readonly LotDocuments[]): LotDocuments {
  const union: LotDocuments = {};
  for (const documents of all) {
    for (const kind of DocumentKinds) {
      for (const document of documents[kind] ?? []) {
        const list = (union[kind] ??= []);
        if (!list.some((d) => d.number === document.number)) {
          list.push(document);
        }
      }
    }
  }
  return union;
}
