import { z } from 'zod';
import { UsccSchema } from './enterprise';

/**
 * GS1 company prefixes on the platform: the platform admin assigns each to the enterprise GS1 China
 * licensed it to (the brand owner), for trade items (`gtin`) or for assets such as loggers and
 * elevators (`giai`). Lots, derived lots and serialised units are made under the maker's own prefixes
 * or under a delegation the owner recorded (a distributor relabelling, a contract packer).
 */
export const PrefixKinds = ['gtin', 'giai'] as const;
export type PrefixKind = (typeof PrefixKinds)[number];

export const CompanyPrefixSchema = z.string().regex(/^\d{6,12}$/, 'must be a GS1 company prefix of 6–12 digits, e.g. 9521234');

export const PrefixAssignmentSchema = z.strictObject({
  kind: z.enum(PrefixKinds),
  prefix: CompanyPrefixSchema,
  enterpriseId: UsccSchema,
});
export type PrefixAssignmentInput = z.infer<typeof PrefixAssignmentSchema>;

export const PrefixDelegationSchema = z.strictObject({
  kind: z.enum(PrefixKinds),
  prefix: CompanyPrefixSchema,
  /** The enterprise allowed to make lots and units under the prefix. */
  delegateId: UsccSchema,
  /** What the delegate does with it, for the record (e.g. "contract packing of 冷冻羊肉卷"). */
  purpose: z.string().trim().min(3).max(200),
});
export type PrefixDelegationInput = z.infer<typeof PrefixDelegationSchema>;

export interface PrefixAssignment extends PrefixAssignmentInput {
  assignedAt: string;
  assignedBy: string;
}

export interface PrefixDelegation extends PrefixDelegationInput {
  grantedAt: string;
  txId: string;
}

/**
 * The company prefixes a GTIN-14 could have been issued under, longest first: the indicator digit
 * is skipped, then 6 to 12 digits. A GTIN belongs to the owner of the longest one assigned.
 *
 * @example
 * gtinPrefixCandidates('09521234543213')[0] // '952123454321'
 */
export function gtinPrefixCandidates(gtin: string): string[] {
  const candidates: string[] = [];
  for (let length = 12; length >= 6; length--) candidates.push(gtin.slice(1, 1 + length));
  return candidates;
}

/**
 * The company prefixes a GIAI could have been issued under, longest first: its leading 6 to 12
 * digits (the asset reference after them may hold letters). A GIAI belongs to the owner of the
 * longest one assigned.
 *
 * @example
 * giaiPrefixCandidates('6901234E17')[0] // '6901234'
 */
export function giaiPrefixCandidates(giai: string): string[] {
  const digits = /^\d*/.exec(giai)?.[0] ?? '';
  const candidates: string[] = [];
  for (let length = Math.min(12, digits.length); length >= 6; length--) candidates.push(digits.slice(0, length));
  return candidates;
}

/** A Chinese customs declaration number (报关单号): 18 digits. */
export const CustomsDeclarationNumberSchema = z.string().regex(/^\d{18}$/, 'must be the 18-digit customs declaration number, e.g. 310420261000012345');
