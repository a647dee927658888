import { verifyInclusion, type InclusionProof } from './auditPath';
import { canonicalReadingBytes, type TemperatureReading } from './canonicalReading';
import { leafHash } from './merkleTree';

/**
 * What a third party needs to check one reading without the gateway: the reading itself, its audit
 * path, and the root anchored on chain (`coldchain:getAnchor`).
 */
export interface ReadingProof {
  reading: TemperatureReading;
  proof: InclusionProof;
  merkleRoot: string;
}

/**
 * Re-encodes the reading canonically, hashes it as a leaf and walks the audit path to the anchored root.
 *
 * @example
 * verifyReadingProof({ reading, proof, merkleRoot: anchor.merkleRoot }) // true unless anything was altered
 */
export function verifyReadingProof({ reading, proof, merkleRoot }: ReadingProof): boolean {
  let bytes: Buffer;
  try {
    bytes = canonicalReadingBytes(reading);
  } catch {
    return false;
  }
  return verifyInclusion(leafHash(bytes), proof, merkleRoot);
}
