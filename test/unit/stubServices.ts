import { pino } from 'pino';
import type { GatewayServices } from '../../gateway/src/services';

type Stub = ((...args: unknown[]) => Stub) & { readonly [key: string]: Stub };

/**
 * Something that answers every property read, call and `new` with another such thing: enough for the
 * route builders, which only keep references to services while the app is built. A request that
 * reached a service would get nonsense, so tests send only what middleware answers alone.
 */
function stub(): Stub {
  const target = (() => stub()) as Stub;
  return new Proxy(target, {
    // `then` stays undefined, so an awaited stub is not mistaken for a promise.
    get: (_target, property) => (property === 'then' ? undefined : stub()),
    apply: () => stub(),
    construct: () => stub(),
  });
}

/** Gateway services for building the Express app without a network: plain values where the app reads values. */
export function stubServices(): GatewayServices {
  const plain: Partial<GatewayServices> = {
    log: pino({ level: 'silent' }),
    anonymousRateLimitPerMinute: 10_000,
    enterpriseWritesPerMinute: 10_000,
    trustProxy: false,
    publicHttps: false,
    resolverBase: 'https://id.example.cn',
    displayTimeZone: 'Asia/Shanghai',
  };
  const others = stub();
  return new Proxy(plain, { get: (target, property: string) => (property in target ? target[property as keyof GatewayServices] : others[property]) }) as GatewayServices;
}
