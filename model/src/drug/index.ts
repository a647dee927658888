/**
 * The drug vertical's shared model: identification codes and their holders, products and batches,
 * commissioning with Merkle-anchored code lists, code states in buckets of serials, packing,
 * distribution, one-use dispensing, holds, adverse reactions, the update bundle and its events,
 * audiences and verdicts.
 */
export * from './adverseReaction';
export * from './drugAudiences';
export * from './batch';
export * from './codeMovement';
export * from './codeProof';
export * from './codeState';
export * from './commissioning';
export * from './dispensing';
export * from './drugCode';
export * from './hold';
export * from './holding';
export * from './identificationCode';
export * from './ledgerUpdate';
export * from './product';
export * from './verification';
export * from './requestBodies';
