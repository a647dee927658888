import { z } from 'zod';

/** The kinds of subject a pack can be built for, as the route names them. */
export const AuditPackKinds = ['lot', 'batch', 'elevator', 'recall'] as const;
export type AuditPackKind = (typeof AuditPackKinds)[number];

/**
 * `full`: whole blocks (for regulators and courts, who may see other parties' transactions in them);
 * `party`: only the subject's transactions, each with peers' signed answers that it is valid.
 */
export const AuditPackModes = ['full', 'party'] as const;
export type AuditPackMode = (typeof AuditPackModes)[number];

export const PACK_FORMAT = 'traceledger-audit-pack/1';

/** Where each part lives in the ZIP; the verifier names these in its reasons. */
export const PackEntries = {
  manifest: 'manifest.json',
  records: 'records.json',
  genesisBlock: 'channel/genesis.block',
  definitionAnswer: (mspId: string) => `chaincode/definition.${mspId}.response`,
  definitionProposal: (mspId: string) => `chaincode/definition.${mspId}.proposal`,
  block: (blockNumber: number) => `blocks/${blockNumber}.block`,
  header: (blockNumber: number) => `headers/${blockNumber}.header`,
  envelope: (txId: string) => `transactions/${txId}.envelope`,
  validityAnswer: (txId: string, mspId: string) => `attestations/${txId}/${mspId}.response`,
  validityProposal: (txId: string, mspId: string) => `attestations/${txId}/${mspId}.proposal`,
} as const;

export const PackTransactionSchema = z.object({
  txId: z.string().regex(/^[0-9a-f]{64}$/),
  blockNumber: z.number().int().min(0),
  /** Position in its block. */
  index: z.number().int().min(0),
});

export const PackManifestSchema = z.object({
  format: z.literal(PACK_FORMAT),
  mode: z.enum(AuditPackModes),
  kind: z.enum(AuditPackKinds),
  id: z.string(),
  channel: z.string(),
  chaincode: z.string(),
  builtAt: z.string(),
  /** The newest block the pack speaks of (full: its orderer signatures end the hash chain). */
  newestBlock: z.number().int().min(0),
  transactions: z.array(PackTransactionSchema),
  /** Organisations whose peers signed the chaincode definition (and, party packs, each transaction's validity). */
  attestingOrganisations: z.array(z.string()),
  proves: z.array(z.string()),
  doesNotProve: z.array(z.string()),
});
export type PackManifest = z.infer<typeof PackManifestSchema>;

/** A record as the ledger state holds it: key, value bytes as text, and the transaction that wrote this value. */
export const PackRecordSchema = z.object({
  /** The state key (a composite key keeps its U+0000 separators). */
  key: z.string(),
  txId: z.string(),
  /** The value as written (UTF-8 text: the chaincode writes canonical JSON); absent for a deleted key. */
  value: z.string().optional(),
  deleted: z.boolean().optional(),
});
export const PackRecordsSchema = z.array(PackRecordSchema);
export type PackRecord = z.infer<typeof PackRecordSchema>;

/** What each mode proves and what it does not, written into every manifest and the README. */
export const PackClaims: Record<AuditPackMode, { proves: string[]; doesNotProve: string[] }> = {
  full: {
    proves: [
      'each listed transaction is in a block whose data hash covers its envelope (Fabric hashes a block\'s envelopes end to end: no Merkle tree, so whole blocks are included)',
      'each block is signed by an orderer of the channel and linked by header hashes to the newest block of the pack',
      'each transaction was valid (the block\'s validation flags), signed by its submitter, and endorsed as the chaincode definition\'s policy requires, by peers whose certificates chain to the trusted root CAs',
      'each record is the value the newest of the pack\'s transactions that wrote its key wrote',
    ],
    doesNotProve: [
      'that no transaction after the pack\'s newest block changed a record (Fabric keeps no state root)',
      'that the block validation flags were set honestly: they are not covered by the orderer\'s signature; the endorsement policy is checked here again instead, but MVCC read conflicts cannot be re-checked',
      'that the pack holds every transaction about the subject: it holds those the ledger\'s history and the projection name',
      'the channel configuration after the genesis block (the pack reads organisations and policies from block 0)',
    ],
  },
  party: {
    proves: [
      'each transaction was signed by its submitter and endorsed as the chaincode definition\'s policy requires, by peers whose certificates chain to the trusted root CAs',
      'peers of at least two organisations each signed the answer that the transaction is committed and valid on their ledger (qscc GetTransactionByID)',
      'each record is the value the newest of the pack\'s transactions that wrote its key wrote',
    ],
    doesNotProve: [
      'the block a transaction is in: the manifest\'s block numbers are the builder\'s word (the peers\' signed answers carry no block number)',
      'anything about other transactions: blocks are left out, so no hash chain and no orderer signature is checked',
      'that no transaction after the pack was built changed a record (Fabric keeps no state root)',
      'that the pack holds every transaction about the subject: it holds those the ledger\'s history and the projection name',
    ],
  },
};
