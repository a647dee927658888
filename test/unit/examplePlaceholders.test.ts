import { expect } from 'chai';
import { gs1CheckDigit, isGtin14, isUscc } from '../../model/src';
import { DOCUMENT_VALUES } from '../../gateway/src/openapi/documentValues';
import { EXAMPLE_SCENARIO } from '../../gateway/src/openapi/examples';
import { examplePath, KeptPlaceholders, runStart, scenarioTimes, ScenarioMinutes, substitute, type Placeholder } from '../../gateway/src/openapi/placeholders';
import { exampleRunValues } from '../integration/exampleRunValues';

describe('example placeholders', () => {
  it('fills placeholders in strings, nested values and keys, and leaves other values alone', () => {
    const filled = substitute({ lotNumber: 'LAMB-{run}', lots: [{ id: '01/{brandGtin}/10/X' }], count: 3, ok: true, none: null, '{run}': 'key' }, { run: 'R1', brandGtin: '06950123400017' });
    expect(filled).to.deep.equal({ lotNumber: 'LAMB-R1', lots: [{ id: '01/06950123400017/10/X' }], count: 3, ok: true, none: null, R1: 'key' });
  });

  it('refuses a placeholder it does not know, and one without a value yet, naming it', () => {
    expect(() => substitute('LAMB-{rnu}', { run: 'R1' })).to.throw('unknown placeholder {rnu} in "LAMB-{rnu}"');
    expect(() => substitute({ uri: '{signedUri}' }, { run: 'R1' })).to.throw('no value for placeholder {signedUri}');
  });

  it('builds a path with each parameter as one encoded segment and the query encoded', () => {
    const values = { run: 'R1', signedUri: 'https://id.example.cn/01/09521234543213/10/L?s=ab&k=code-1' };
    expect(examplePath('/coldchain/lots/{lotId}/journey', { lotId: '01/09521234543213/10/LAMB-{run}' }, undefined, values)).to.equal('/coldchain/lots/01%2F09521234543213%2F10%2FLAMB-R1/journey');
    expect(examplePath('/codes/qr', {}, { uri: '{signedUri}', format: 'png' }, values)).to.equal('/codes/qr?uri=https%3A%2F%2Fid.example.cn%2F01%2F09521234543213%2F10%2FL%3Fs%3Dab%26k%3Dcode-1&format=png');
  });

  it('fills placeholders of a path written out in full as they stand', () => {
    expect(examplePath('/coldchain/lots/01/09521234543213/10/LAMB-{run}/journey', undefined, undefined, { run: 'R1' })).to.equal('/coldchain/lots/01/09521234543213/10/LAMB-R1/journey');
  });

  it('times the story in order after its start, as local times of a site in China', () => {
    const times = scenarioTimes(Date.parse('2026-11-27T00:00:00Z'));
    expect(times.attachedAt).to.equal('2026-11-27T08:10:00+08:00');
    expect(times.soldAt).to.equal('2026-11-27T12:00:00+08:00');
    expect(times.transformedOn).to.equal('2026-11-27');
    expect(times.dicedExpiresOn).to.equal('2027-05-26');
    const story = (Object.keys(ScenarioMinutes) as (keyof typeof ScenarioMinutes)[]).map((name) => Date.parse(times[name]));
    expect(story).to.deep.equal([...story].sort((a, b) => a - b));
  });

  it('starts a run two days back on the hour, so the logger\'s readings share one anchoring window', () => {
    const start = runStart(Date.parse('2026-12-02T05:33:02.123Z'));
    expect(new Date(start).toISOString()).to.equal('2026-11-30T05:00:00.000Z');
    const times = scenarioTimes(start);
    expect(new Date(Date.parse(times.thirdReadingAt)).getUTCHours()).to.equal(new Date(Date.parse(times.firstReadingAt)).getUTCHours());
  });

  it('shows values in the document that the validators take', () => {
    expect(isUscc(DOCUMENT_VALUES.importerId) && isUscc(DOCUMENT_VALUES.retailerId)).to.equal(true);
    expect(isGtin14(DOCUMENT_VALUES.brandGtin) && DOCUMENT_VALUES.brandGtin.startsWith(`0${DOCUMENT_VALUES.prefix}`)).to.equal(true);
    expect(gs1CheckDigit(DOCUMENT_VALUES.sscc.slice(0, 17))).to.equal(DOCUMENT_VALUES.sscc[17]);
  });

  it('makes run values new ids that the validators take, the importer just before the retailer in credit-code order', () => {
    const now = Date.parse('2026-12-02T05:33:02.123Z');
    const first = exampleRunValues(now, 'http://127.0.0.1:1');
    const later = exampleRunValues(now + 10, 'http://127.0.0.1:1');
    for (const values of [first, later]) {
      expect(isUscc(values.importerId) && isUscc(values.retailerId)).to.equal(true);
      expect(values.importerId < values.retailerId).to.equal(true);
      expect(isGtin14(values.brandGtin) && values.brandGtin.startsWith(`0${values.prefix}`)).to.equal(true);
      expect(values.prefix).to.match(/^69\d{8}7$/);
      expect(gs1CheckDigit(values.sscc.slice(0, 17))).to.equal(values.sscc[17]);
      expect(values.run).to.match(/^[0-9A-Z]{7}$/);
    }
    for (const name of ['run', 'importerId', 'retailerId', 'prefix', 'sscc'] as const) expect(later[name], name).to.not.equal(first[name]);
  });

  it('has every placeholder of the story kept by an earlier example before one uses it', () => {
    const known = new Set<Placeholder>((Object.keys(DOCUMENT_VALUES) as Placeholder[]).filter((name) => !(KeptPlaceholders as readonly string[]).includes(name)));
    const valuesSoFar = () => Object.fromEntries([...known].map((name) => [name, DOCUMENT_VALUES[name]]));
    const tokens = { importer: 'importerToken', retailer: 'retailerToken', regulator: 'regulatorToken', liftOwner: 'liftOwnerToken', liftFirm: 'liftFirmToken', liftCoworker: 'liftCoworkerToken', inspectionBody: 'inspectionBodyToken', callCentre: 'callCentreToken' } as const;
    for (const example of EXAMPLE_SCENARIO) {
      const values = valuesSoFar();
      expect(() => substitute({ body: example.body ?? null, response: example.response ?? null, headers: { ...example.headers } }, values), example.title).to.not.throw();
      expect(() => examplePath(example.path, example.params, example.query, values), example.title).to.not.throw();
      if (example.caller in tokens) expect(known.has(tokens[example.caller as keyof typeof tokens]), `${example.title}: token of ${example.caller}`).to.equal(true);
      for (const name of Object.keys(example.keep ?? {}) as Placeholder[]) known.add(name);
    }
  });
});
