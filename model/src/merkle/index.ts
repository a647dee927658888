/** RFC 6962 Merkle trees over temperature readings: roots to anchor on chain, proofs to check a reading. */
export * from './auditPath';
export * from './canonicalReading';
export * from './merkleTree';
export * from './readingProof';
