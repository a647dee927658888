import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { attachExamples } from './attachExamples';
import { addCommonResponses } from './commonResponses';
import { DOCUMENT_VALUES } from './documentValues';
import { EXAMPLE_SCENARIO } from './examples';
import { describeValidatorFormats } from './validatorFormats';

/** A registry routes add themselves to; the document is generated from the validating schemas. */
export function newApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (ES256, keys at /.well-known/jwks.json)' });
  return registry;
}

const DESCRIPTION = [
  'Trace events, enterprises and regulator queries over a Hyperledger Fabric ledger. Writes answer after commit; every write takes an Idempotency-Key.',
  'Errors are RFC 7807 problem details (application/problem+json) whose `detail` says what to change. A method a path does not have is answered 405 with an Allow header naming the ones it has. Ids with slashes (lot ids, subject ids) travel as one path segment: URL-encode them (01%2F09521234543213%2F10%2FLOT42); sent unencoded they get a 404 that says what to send.',
  'The examples tell one story, from onboarding an importer and a retailer to a sold carton, a complaint and a revocation, in the order of the examples test (test/integration/gatewayExamples.test.ts), which sends each to a running gateway and checks the answer contains the example\'s: an example shows those fields, the answer has more.',
].join('\n\n');

export function openApiDocument(registry: OpenAPIRegistry): object {
  describeValidatorFormats();
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'traceledger gateway', version: '0.1.0', description: DESCRIPTION },
  });
  addCommonResponses(document);
  attachExamples(document, EXAMPLE_SCENARIO, DOCUMENT_VALUES);
  return document;
}
