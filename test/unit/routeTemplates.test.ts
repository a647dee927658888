import { expect } from 'chai';
import { LotIdSchema } from '../../model/src';
import { allowedMethods, slashAdvice, type RouteTemplate } from '../../gateway/src/http/routeTemplates';

/** A route whose parameters a validator checks: lot ids must look like lot ids, credit codes have 18 characters. */
const route = (method: string, path: string): RouteTemplate => ({
  method,
  path,
  accepts: (parameter, value) => (parameter === 'lotId' ? LotIdSchema.safeParse(value).success : parameter === 'id' ? value.length === 18 : true),
});

const templates = [
  route('POST', '/coldchain/lots'),
  route('GET', '/coldchain/lots/{lotId}'),
  route('GET', '/coldchain/lots/{lotId}/journey'),
  route('GET', '/coldchain/lots/{lotId}/trace/forward'),
  route('POST', '/coldchain/lots/{lotId}/documents'),
  route('GET', '/trace/subjects/{subjectId}/events'),
  route('GET', '/enterprises/{id}'),
];

describe('requests no route took', () => {
  it('names the methods of a known path, HEAD wherever GET is', () => {
    expect(allowedMethods(templates, '/coldchain/lots')).to.deep.equal(['POST']);
    expect(allowedMethods(templates, '/coldchain/lots/01%2F09521234543213%2F10%2FLOT1')).to.deep.equal(['GET', 'HEAD']);
    expect(allowedMethods(templates, '/coldchain/nothing')).to.deep.equal([]);
    expect(allowedMethods(templates, '/coldchain/lots/')).to.deep.equal([]);
  });

  it('says how to send a lot id whose slashes came unencoded, for the route it would match', () => {
    expect(slashAdvice(templates, 'GET', '/coldchain/lots/01/09521234543213/10/LOT1/journey')).to.equal(
      'no route GET /coldchain/lots/01/09521234543213/10/LOT1/journey: the lot id is one path segment, so encode the lot id: 01%2F09521234543213%2F10%2FLOT1 (send GET /coldchain/lots/01%2F09521234543213%2F10%2FLOT1/journey)',
    );
    expect(slashAdvice(templates, 'POST', '/coldchain/lots/01/09521234543213/10/LOT1/documents')).to.match(/send POST \/coldchain\/lots\/01%2F09521234543213%2F10%2FLOT1\/documents\)$/);
    expect(slashAdvice(templates, 'GET', '/coldchain/lots/01/09521234543213/10/LOT1')).to.match(/send GET \/coldchain\/lots\/01%2F09521234543213%2F10%2FLOT1\)$/);
  });

  it('prefers the route with the most fixed segments, and keeps the query', () => {
    expect(slashAdvice(templates, 'GET', '/coldchain/lots/01/09521234543213/10/LOT1/trace/forward', '?hops=2')).to.match(/send GET \/coldchain\/lots\/01%2F09521234543213%2F10%2FLOT1\/trace\/forward\?hops=2\)$/);
  });

  it('advises on a subject id too', () => {
    expect(slashAdvice(templates, 'GET', '/trace/subjects/00/395212345000000019/events')).to.equal(
      'no route GET /trace/subjects/00/395212345000000019/events: the subject id is one path segment, so encode the subject id: 00%2F395212345000000019 (send GET /trace/subjects/00%2F395212345000000019/events)',
    );
  });

  it('advises where fixed segments follow a value its validator refuses (a wrong check digit shows once it is encoded)', () => {
    expect(slashAdvice(templates, 'GET', '/coldchain/lots/01/09521234543214/10/LOT1/journey')).to.match(/encode the lot id: 01%2F09521234543214%2F10%2FLOT1 /);
  });

  it('gives no advice where no route would take the value', () => {
    expect(slashAdvice(templates, 'GET', '/enterprises/a/b')).to.equal(undefined);
    expect(slashAdvice(templates, 'GET', '/nowhere/a/b')).to.equal(undefined);
    expect(slashAdvice(templates, 'GET', '/coldchain/lots/01%2F09521234543213%2F10%2FLOT1/journey')).to.equal(undefined);
  });
});
