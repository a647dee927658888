import fs from 'node:fs';
import { TrustAnchorSchema, type TrustAnchor } from '../gateway/src/auditPacks/verify';

/**
 * The trust anchor named on the command line: a channel's genesis-block hash (64 hex digits), or a
 * file holding the anchor JSON (`GET /audit-packs/trust-anchor`, `npm run trust-anchor`). Throws with
 * the reason when it is neither.
 */
export function trustAnchorFrom(argument: string): TrustAnchor {
  if (/^[0-9a-f]{64}$/i.test(argument)) return { genesisBlockHash: argument.toLowerCase() };
  const parsed = TrustAnchorSchema.safeParse(JSON.parse(fs.readFileSync(argument, 'utf8')));
  if (!parsed.success) throw new Error(`${argument} is no trust anchor: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'anchor'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The value of `--name <value>` in the arguments, and the arguments without it. */
export function option(args: readonly string[], name: string): { value?: string; rest: string[] } {
  const at = args.indexOf(name);
  if (at < 0) return { rest: [...args] };
  return { value: args[at + 1], rest: [...args.slice(0, at), ...args.slice(at + 2)] };
}
