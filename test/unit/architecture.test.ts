import path from 'node:path';
import { expect } from 'chai';

/** The parts whose arrows docs/architecture.md fixes. */
const PARTS = ['model', 'chaincode', 'gateway', 'network', 'scripts', 'test'];
const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

/** Cruises the sources with the project's rules (.dependency-cruiser.cjs), as `npm run lint` does. */
async function violations(parts: readonly string[]): Promise<Violation[]> {
  const { cruise } = await import('dependency-cruiser');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the rules file is CommonJS by design (depcruise's own CLI reads it)
  const rules = require(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: unknown[]; options: Record<string, unknown> };
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const result = await cruise([...parts], { ...rules.options, validate: true, ruleSet: { forbidden: rules.forbidden } } as never);
    const output = result.output as { summary: { violations: Violation[] } };
    return output.summary.violations;
  } finally {
    process.chdir(cwd);
  }
}

const describeViolation = (v: Violation): string => `${v.rule.name}: ${v.cycle ? [v.from, ...v.cycle.map((step) => step.name)].join(' → ') : `${v.from} → ${v.to}`}`;

describe('architecture', function () {
  this.timeout(120_000);

  it('passes ESLint (the rules of eslint.config.mjs) without an error', async () => {
    const { ESLint } = await import('eslint');
    const results = await new ESLint({ cwd: ROOT }).lintFiles(['.']);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.ruleId ?? ''} ${m.message}`));
    expect(errors).to.deep.equal([]);
  });

  it('has no import cycle and no arrow docs/architecture.md forbids', async () => {
    const found = await violations(PARTS);
    expect(found.map(describeViolation)).to.deep.equal([]);
  });
});
