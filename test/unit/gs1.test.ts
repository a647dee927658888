import { expect } from 'chai';
import { gs1CheckDigit, isGiaiUrn, isGln13, isGtin14, isSscc18, wrongCheckDigit } from '../../model/src';

describe('GS1 keys', () => {
  it('derives the mod-10 check digit GS1 publishes for its example keys', () => {
    expect(gs1CheckDigit('0952123454321')).to.equal('3');
    expect(gs1CheckDigit('10614141123456789')).to.equal('7');
    expect(gs1CheckDigit('061414100003')).to.equal('6');
  });

  it('accepts GTIN 09521234543213 and refuses it with any other check digit', () => {
    expect(isGtin14('09521234543213')).to.equal(true);
    for (const digit of '012456789') {
      expect(isGtin14(`0952123454321${digit}`), digit).to.equal(false);
    }
  });

  it('refuses a GTIN of the wrong length or with letters', () => {
    expect(isGtin14('9521234543213')).to.equal(false);
    expect(isGtin14('0952123454321A')).to.equal(false);
  });

  it('accepts SSCC 106141411234567897 and refuses a transposed one', () => {
    expect(isSscc18('106141411234567897')).to.equal(true);
    expect(isSscc18('106141411234567879')).to.equal(false);
  });

  it('accepts GLN 0614141000036 and refuses a wrong check digit', () => {
    expect(isGln13('0614141000036')).to.equal(true);
    expect(isGln13('0614141000037')).to.equal(false);
  });

  it('names the expected check digit of a GTIN, GLN or SSCC whose last digit is wrong', () => {
    expect(wrongCheckDigit('GTIN', '09521234543214')).to.equal('GTIN 09521234543214 has check digit 4, but the check digit of 0952123454321 is 3');
    expect(wrongCheckDigit('GLN', '0614141000037')).to.equal('GLN 0614141000037 has check digit 7, but the check digit of 061414100003 is 6');
    expect(wrongCheckDigit('SSCC', '106141411234567879')).to.equal('SSCC 106141411234567879 has check digit 9, but the check digit of 10614141123456787 is 3');
  });

  it('says nothing of check digits for a valid key or one of another shape, whose rule the schema states', () => {
    expect(wrongCheckDigit('GTIN', '09521234543213')).to.equal(undefined);
    expect(wrongCheckDigit('GTIN', '0952123454321')).to.equal(undefined);
    expect(wrongCheckDigit('GTIN', '0952123454321A')).to.equal(undefined);
    expect(wrongCheckDigit('GLN', '09521234543214')).to.equal(undefined);
  });

  it('accepts a GIAI in EPC URN form and refuses other shapes', () => {
    expect(isGiaiUrn('urn:epc:id:giai:4000001.111')).to.equal(true);
    expect(isGiaiUrn('urn:epc:id:giai:4000001')).to.equal(false);
    expect(isGiaiUrn('urn:epc:id:giai:12345.111')).to.equal(false);
    expect(isGiaiUrn(`urn:epc:id:giai:400000123456.${'x'.repeat(19)}`)).to.equal(false);
  });
});
