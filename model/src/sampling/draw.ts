import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cleanId } from '../cleanText';
import { UsccSchema } from '../enterprise';
import { PlanIdSchema } from './samplingPlan';

/**
 * "Double random, one public" (双随机一公开): enterprises to inspect and inspectors to send are drawn
 * at random and the draw is published. Chaincode has no randomness of its own, so the regulator
 * commits to a secret seed (its SHA-256) together with the eligible lists, and reveals the seed in a
 * later transaction; the draw is then a pure function of seed and lists that anyone can recompute,
 * and the regulator could not pick the seed after seeing whom it would draw.
 */

/** Eligible enterprises one draw may list (each is checked against the registry when committed). */
export const MAX_DRAW_ENTERPRISES = 500;
/** Eligible inspectors one draw may list. */
export const MAX_DRAW_INSPECTORS = 100;

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const DrawIdSchema = cleanId('SSJ-2026-07-01').regex(/^[A-Za-z0-9._-]{3,64}$/, 'must be 3–64 letters, digits or . _ -');
/** The secret: at least 128 bits of the regulator's own randomness as 32–128 hex digits. */
export const DrawSeedSchema = z.string().regex(/^[0-9a-f]{32,128}$/, 'must be 32–128 lower-case hex digits (at least 128 random bits)');
const InspectorIdSchema = cleanId('inspector-01').regex(/^[A-Za-z0-9._@-]{1,64}$/, 'must be a regulator enrollment id');

export const DrawCommitInputSchema = z
  .strictObject({
    drawId: DrawIdSchema,
    planId: PlanIdSchema.optional(),
    /** SHA-256 of the seed (as its hex text), 64 lower-case hex digits. */
    commitment: z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the seed as 64 lower-case hex digits'),
    /** Eligible enterprises; stored sorted, so the order they are sent in does not matter. */
    enterpriseIds: z.array(UsccSchema).min(1).max(MAX_DRAW_ENTERPRISES),
    /** Eligible inspectors: enrollment ids of registered regulator identities. */
    inspectorIds: z.array(InspectorIdSchema).max(MAX_DRAW_INSPECTORS).default([]),
    enterpriseCount: z.number().int().min(1),
    inspectorCount: z.number().int().min(0).default(0),
  })
  .refine((d) => new Set(d.enterpriseIds).size === d.enterpriseIds.length, { message: 'must not repeat an enterprise', path: ['enterpriseIds'] })
  .refine((d) => new Set(d.inspectorIds).size === d.inspectorIds.length, { message: 'must not repeat an inspector', path: ['inspectorIds'] })
  .refine((d) => d.enterpriseCount <= d.enterpriseIds.length, { message: 'must not exceed the number of eligible enterprises', path: ['enterpriseCount'] })
  .refine((d) => d.inspectorCount <= d.inspectorIds.length, { message: 'must not exceed the number of eligible inspectors', path: ['inspectorCount'] });
export type DrawCommitInput = z.infer<typeof DrawCommitInputSchema>;

export const DrawRevealSchema = z.strictObject({ drawId: DrawIdSchema, seed: DrawSeedSchema });
export type DrawReveal = z.infer<typeof DrawRevealSchema>;

/** A draw on the ledger (`tl.sample.draw` [drawId]): committed, then revealed with its result. */
export interface Draw {
  drawId: string;
  planId?: string;
  commitment: string;
  /** Sorted by code point, fixed in the commit transaction. */
  enterpriseIds: string[];
  inspectorIds: string[];
  enterpriseCount: number;
  inspectorCount: number;
  status: 'committed' | 'revealed';
  committedBy: string;
  committedAt: string;
  commitTxId: string;
  seed?: string;
  drawnEnterprises?: string[];
  drawnInspectors?: string[];
  revealedBy?: string;
  revealedAt?: string;
  revealTxId?: string;
}

/** The commitment to a seed: SHA-256 of its hex text. */
export const seedCommitment = (seed: string): string => sha256Hex(seed);

/** Code-point order, the same on every machine (unlike `localeCompare`). */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The first `count` of `candidates` ranked by SHA-256 of `seed|role|candidate` (ties, which SHA-256
 * makes impossible in practice, by the candidate itself). The order the candidates come in does not
 * matter.
 */
export function drawnFrom(seed: string, role: 'enterprise' | 'inspector', candidates: readonly string[], count: number): string[] {
  return candidates
    .map((candidate) => ({ candidate, rank: sha256Hex(`${seed}|${role}|${candidate}`) }))
    .sort((a, b) => byCodePoint(a.rank, b.rank) || byCodePoint(a.candidate, b.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

/**
 * Recomputes a draw from its seed and its committed lists: what the chaincode records at the reveal
 * and what anyone can check.
 *
 * @example
 * const draw = drawOf('00112233445566778899aabbccddeeff', { enterpriseIds: ['A', 'B', 'C'], inspectorIds: ['i1', 'i2'], enterpriseCount: 1, inspectorCount: 2 });
 * draw.drawnEnterprises.length // 1
 */
export function drawOf(seed: string, draw: Pick<Draw, 'enterpriseIds' | 'inspectorIds' | 'enterpriseCount' | 'inspectorCount'>): { drawnEnterprises: string[]; drawnInspectors: string[] } {
  return {
    drawnEnterprises: drawnFrom(seed, 'enterprise', draw.enterpriseIds, draw.enterpriseCount),
    drawnInspectors: drawnFrom(seed, 'inspector', draw.inspectorIds, draw.inspectorCount),
  };
}

/** Whether a revealed draw's recorded result is what its seed and lists give: the check anyone can run. */
export function isDrawReproduced(draw: Draw): boolean {
  if (draw.status !== 'revealed' || draw.seed === undefined || seedCommitment(draw.seed) !== draw.commitment) return false;
  const again = drawOf(draw.seed, draw);
  return JSON.stringify(again.drawnEnterprises) === JSON.stringify(draw.drawnEnterprises) && JSON.stringify(again.drawnInspectors) === JSON.stringify(draw.drawnInspectors);
}
