import type { Principal } from './tokens';

/**
 * Whose custodial key a vault entry is: an enterprise (`id` its credit code) or a regulator (`id` its
 * enrollment id), the same principal its tokens name.
 */
export interface KeyOwner {
  role: 'enterprise' | 'regulator';
  id: string;
}

/** The owner a token's key must have; undefined for admin tokens, which sign with the platform admin. */
export function keyOwnerOf(principal: Principal): KeyOwner | undefined {
  if (principal.role === 'enterprise') {
    return principal.ent ? { role: 'enterprise', id: principal.ent } : undefined;
  }
  return principal.role === 'regulator' ? { role: 'regulator', id: principal.sub } : undefined;
}

export const sameKeyOwner = (a: KeyOwner, b: KeyOwner): boolean => a.role === b.role && a.id === b.id;

export const describeKeyOwner = (owner: KeyOwner): string => `${owner.role} ${owner.id}`;
