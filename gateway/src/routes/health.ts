import type { Gateway } from '@hyperledger/fabric-gateway';
import { Router } from 'express';
import type mongoose from 'mongoose';
import { ledgerHeight } from '../fabric';

/**
 * GET /health — reads the ledger height from the peer and pings the read store. 200 when both answer,
 * 503 otherwise, with what failed.
 */
export function healthRoutes(gateway: Gateway, channel: string, store: mongoose.Connection): Router {
  const router = Router();
  router.get('/health', async (_request, response) => {
    const [ledger, storeOk] = await Promise.all([
      ledgerHeight(gateway, channel).then(
        (height) => ({ ok: true, height }),
        (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      ),
      store.db?.admin().ping().then(() => true, () => false) ?? Promise.resolve(false),
    ]);
    const healthy = ledger.ok && storeOk;
    response.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', ledger, store: { ok: storeOk } });
  });
  return router;
}
