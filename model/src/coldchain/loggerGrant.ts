import { z } from 'zod';
import { EventTimeSchema } from '../eventTime';
import { UsccSchema } from '../enterprise';
import { LoggerIdSchema } from './logger';

const EnterpriseIdSchema = UsccSchema;

/**
 * A logger's readings speak for whatever lot it is attached to, so only its owner decides whose lots
 * it may be attached to: the owner itself, or an enterprise it grants on chain (a carrier's logger
 * lent to the shipper that loads the truck). Attaching also needs the lot's custodian, so a grant
 * reaches only lots the grantee holds.
 */
export const LoggerGrantInputSchema = z.strictObject({
  loggerId: LoggerIdSchema,
  /** The enterprise that may attach the logger to lots it holds. */
  custodianId: EnterpriseIdSchema,
  /** The last moment an attachment under this grant may be made or dated; open-ended when absent. */
  until: EventTimeSchema.optional(),
});

export type LoggerGrantInput = z.infer<typeof LoggerGrantInputSchema>;

export const LoggerGrantRevocationSchema = z.strictObject({
  loggerId: LoggerIdSchema,
  custodianId: EnterpriseIdSchema,
});

export type LoggerGrantRevocation = z.infer<typeof LoggerGrantRevocationSchema>;

/** One grant as the ledger keeps it; a revoked grant stays, marked, until the owner grants again. */
export interface LoggerGrant extends LoggerGrantInput {
  ownerId: string;
  grantedAt: string;
  txId: string;
  revokedAt?: string;
  revokedTxId?: string;
}
