import { expect } from 'chai';
import { carriesBody, unsupportedBodyMessage } from '../../gateway/src/http/jsonBody';

describe('bodies the gateway cannot read', () => {
  it('says to send JSON, naming the content-type that came', () => {
    expect(unsupportedBodyMessage('text/plain;charset=UTF-8', false)).to.equal('send JSON with content-type application/json (this body came as text/plain)');
    expect(unsupportedBodyMessage(undefined, false)).to.equal('send JSON with content-type application/json (this body came without a content-type)');
  });

  it('names HTML form posts too where a route takes them', () => {
    expect(unsupportedBodyMessage('multipart/form-data; boundary=x', true)).to.equal(
      'send JSON with content-type application/json, or an HTML form as application/x-www-form-urlencoded (this body came as multipart/form-data)',
    );
  });

  it('counts a chunked or non-empty body as one, and an empty POST as none', () => {
    expect(carriesBody({ 'content-length': '12' })).to.equal(true);
    expect(carriesBody({ 'transfer-encoding': 'chunked' })).to.equal(true);
    expect(carriesBody({ 'content-length': '0' })).to.equal(false);
    expect(carriesBody({})).to.equal(false);
  });
});
