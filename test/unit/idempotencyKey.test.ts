import { expect } from 'chai';
import { HttpError } from '../../gateway/src/http/httpError';
import { idempotencyKeyOf } from '../../gateway/src/http/idempotentWrite';

describe('the Idempotency-Key of a write', () => {
  it('comes from the header, or from an HTML form\'s idempotencyKey field', () => {
    expect(idempotencyKeyOf('complaint-0001', undefined)).to.equal('complaint-0001');
    expect(idempotencyKeyOf(undefined, 'complaint-0002')).to.equal('complaint-0002');
    expect(idempotencyKeyOf('complaint-0003', 'complaint-0003')).to.equal('complaint-0003');
  });

  it('is refused when header and field differ, without echoing either key', () => {
    expect(() => idempotencyKeyOf('complaint-0004', 'complaint-0005'))
      .to.throw(HttpError, "the Idempotency-Key header and the body's idempotencyKey differ: send one key, or the same in both")
      .with.property('status', 400);
  });

  it('is required and must be 8–128 safe characters', () => {
    expect(() => idempotencyKeyOf(undefined, undefined)).to.throw(HttpError, /^the Idempotency-Key header is required on write routes \(HTML forms: an idempotencyKey field\)/);
    expect(() => idempotencyKeyOf('short', undefined)).to.throw(HttpError, /^the Idempotency-Key header is required/);
    expect(() => idempotencyKeyOf(undefined, 12345678)).to.throw(HttpError, /^the Idempotency-Key header is required/);
  });
});
