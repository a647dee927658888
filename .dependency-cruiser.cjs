/** The arrows docs/architecture.md allows between the parts; `npm run lint` fails on any other. */
module.exports = {
  forbidden: [
    {
      name: 'no-import-cycle',
      comment: 'A cycle (type-only imports included) means two files are one responsibility split badly.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'model-imports-nothing-of-ours',
      comment: 'The shared model is used by chaincode and gateway alike, so it depends on neither.',
      severity: 'error',
      from: { path: '^model/' },
      to: { path: '^(chaincode|gateway|network|scripts|test)/' },
    },
    {
      name: 'chaincode-imports-only-model',
      comment: 'Chaincode runs on the peers; it shares the model and nothing else of ours.',
      severity: 'error',
      from: { path: '^chaincode/' },
      to: { path: '^(gateway|network|scripts|test)/' },
    },
    {
      name: 'projection-knows-no-http',
      comment: 'The projection follows the ledger; HTTP is the routes\' business.',
      severity: 'error',
      from: { path: '^gateway/src/projection/' },
      to: { path: '(^gateway/src/(http|routes|openapi|consumer)/)|(node_modules/express/)' },
    },
    {
      name: 'gateway-does-not-import-network',
      comment: 'The gateway runs against any Fabric network described by its configuration.',
      severity: 'error',
      from: { path: '^gateway/' },
      to: { path: '^network/' },
    },
    {
      name: 'pack-verifier-stands-alone',
      comment: 'npm run verify-pack runs from dist/ without network, gateway or store: the verifier reads only the pack format and ZIPs.',
      severity: 'error',
      from: { path: '^gateway/src/auditPacks/verify/' },
      to: { path: '^(gateway|model)/', pathNot: '^gateway/src/auditPacks/(verify/|packFormat\\.ts$|zipEntries\\.ts$)' },
    },
    {
      name: 'network-does-not-import-gateway',
      comment: 'Starting a network needs no gateway code.',
      severity: 'error',
      from: { path: '^network/' },
      to: { path: '^gateway/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.state|\\.tools)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
  },
};
