import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, type JWK } from 'jose';

export interface CodeSigningKey {
  kid: string;
  privateKey: crypto.KeyObject;
  publicJwk: JWK & { kid: string };
}

/**
 * The platform's trace-code signing key (ES256), separate from the token key so either can be
 * rotated alone. Generated at first start, kept 0600 in the gateway's data folder, published in the
 * JWKS for offline verification.
 */
export async function loadOrCreateCodeSigningKey(dataDir: string): Promise<CodeSigningKey> {
  const file = path.join(dataDir, 'code-signing-key.pem');
  if (!fs.existsSync(file)) {
    const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const privateKey = crypto.createPrivateKey(fs.readFileSync(file));
  const jwk = await exportJWK(crypto.createPublicKey(privateKey));
  const kid = `code-${crypto.createHash('sha256').update(`${jwk.x}${jwk.y}`).digest('base64url').slice(0, 8)}`;
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: 'ES256', use: 'sig' } };
}
