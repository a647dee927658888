import { z } from 'zod';

/**
 * Risk clues (风险线索): reports that regulators must handle in a closed loop. Consumers file
 * complaints from the scan page; the text and category go on chain, contact details never do.
 */
export const ComplaintCategories = ['quality', 'counterfeit', 'temperature', 'labelling', 'illness', 'other'] as const;
export type ComplaintCategory = (typeof ComplaintCategories)[number];

export const ConsumerComplaintSchema = z.strictObject({
  /** The Digital Link path of what was scanned, e.g. `01/09521234543213/10/LOT42`. */
  subjectId: z.string().regex(/^(01\/\d{14}\/(10|21)\/[^/]{1,60}|8004\/[^/]{1,90})$/, 'must be the Digital Link path of the scanned item'),
  category: z.enum(ComplaintCategories),
  text: z.string().trim().min(5, 'must say what is wrong in at least 5 characters').max(1000),
});

export type ConsumerComplaint = z.infer<typeof ConsumerComplaintSchema>;

export interface RiskClue extends ConsumerComplaint {
  /** The filing transaction's id: unique and known to every endorser. */
  clueId: string;
  source: 'consumer';
  status: 'open';
  filedAt: string;
  filedBy: string;
  txId: string;
}
