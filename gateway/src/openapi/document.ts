import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';

/** A registry routes add themselves to; the document is generated from the validating schemas. */
export function newApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (ES256, keys at /.well-known/jwks.json)' });
  return registry;
}

export function openApiDocument(registry: OpenAPIRegistry): object {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'traceledger gateway',
      version: '0.1.0',
      description: 'Trace events, enterprises and regulator queries over a Hyperledger Fabric ledger. Writes answer after commit; every write takes an Idempotency-Key.',
    },
  });
}
