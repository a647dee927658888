import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type CryptoKey } from 'jose';
import crypto from 'node:crypto';
import { KeyJobs, publishedKey, type PublishedKey } from '../keyJobs';

export const TOKEN_ALGORITHM = 'ES256';

export interface SigningKeys {
  privateKey: CryptoKey;
  /** Published as the API-token key (`traceledger_use: "api-token"`): no code verifier accepts it. */
  publicJwk: PublishedKey;
}

/**
 * The gateway's token-signing key: ES256, generated at first start and kept (0600) in the gateway's
 * data folder; its public half is published as JWKS so anyone can verify tokens offline.
 */
export async function loadOrCreateSigningKeys(dataDir: string): Promise<SigningKeys> {
  const file = path.join(dataDir, 'token-signing-key.pem');
  if (!fs.existsSync(file)) {
    const { privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, await exportPKCS8(privateKey), { mode: 0o600 });
  }
  const pem = fs.readFileSync(file, 'utf8');
  const privateKey = await importPKCS8(pem, TOKEN_ALGORITHM, { extractable: true });
  const publicKey = crypto.createPublicKey(pem);
  const jwk = await exportJWK(publicKey);
  const kid = crypto.createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })).digest('base64url').slice(0, 16);
  return { privateKey, publicJwk: publishedKey(jwk, kid, KeyJobs.apiToken) };
}
