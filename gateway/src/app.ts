import type { Gateway } from '@hyperledger/fabric-gateway';
import express from 'express';
import type mongoose from 'mongoose';
import { healthRoutes } from './routes/health';

export interface AppDependencies {
  gateway: Gateway;
  channel: string;
  store: mongoose.Connection;
}

/** The Express application: routes only, so tests can mount it on any port. */
export function createApp(deps: AppDependencies): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes(deps.gateway, deps.channel, deps.store));
  app.use((_request, response) => {
    response.status(404).json({ error: 'not found' });
  });
  return app;
}
