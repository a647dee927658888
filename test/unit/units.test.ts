import { expect } from 'chai';
import { parseSerial, runsOverlap, SerialPrefixSchema, serialOf, UnitRunBodySchema, UnitSalesBodySchema } from '../../model/src';
import { MAX_CLIENTS_KEPT, mergeClients, soldUnitSuspicion } from '../../gateway/src/scans/soldUnitSuspicion';

describe('serials of serialised units', () => {
  it('pads the number to at least 6 digits behind the prefix', () => {
    expect(serialOf('SN', 42)).to.equal('SN000042');
    expect(serialOf('', 7)).to.equal('000007');
    expect(serialOf('A-', 1_234_567)).to.equal('A-1234567');
    expect(serialOf('LOT9X', 999_999_999)).to.equal('LOT9X999999999');
  });

  it('reads every serial back as the prefix and number it was made from', () => {
    for (const [prefix, n] of [['SN', 0], ['', 123456], ['AB-9C', 1_000_000], ['-', 5], ['abcdefgh', 999_999_999]] as const) {
      expect(parseSerial(serialOf(prefix, n))).to.deep.equal({ prefix, number: n });
    }
  });

  it('refuses serials that are not canonical, so one number never has two serials', () => {
    expect(parseSerial('SN0000042')).to.equal(undefined); // padded beyond 6 digits
    expect(parseSerial('SN42')).to.equal(undefined); // padded too little
    expect(parseSerial('SN')).to.equal(undefined); // no number
    expect(parseSerial('SN1000000000')).to.equal(undefined); // beyond 999,999,999
    expect(parseSerial('ABCDEFGHI000001')).to.equal(undefined); // prefix of 9
    expect(parseSerial('SN_000001')).to.equal(undefined); // character outside the prefix set
  });

  it('accepts only prefixes that are empty or end with a non-digit', () => {
    expect(SerialPrefixSchema.safeParse('').success).to.equal(true);
    expect(SerialPrefixSchema.safeParse('SN-').success).to.equal(true);
    expect(SerialPrefixSchema.safeParse('SN1').success).to.equal(false);
    expect(SerialPrefixSchema.safeParse('ABCDEFGHI').success).to.equal(false);
    expect(() => serialOf('SN1', 1)).to.throw(RangeError);
  });

  it('bounds a run and a sale batch', () => {
    expect(UnitRunBodySchema.safeParse({ serialPrefix: 'SN', from: 1, count: 100_000 }).success).to.equal(true);
    expect(UnitRunBodySchema.safeParse({ serialPrefix: 'SN', from: 1, count: 100_001 }).success).to.equal(false);
    expect(UnitRunBodySchema.safeParse({ serialPrefix: 'SN', from: 999_999_990, count: 11 }).success).to.equal(false);
    const sale = { serial: 'SN000001', eventTime: '2026-11-29T08:30:00+08:00' };
    expect(UnitSalesBodySchema.safeParse({ sales: [sale] }).success).to.equal(true);
    expect(UnitSalesBodySchema.safeParse({ sales: [{ ...sale, serial: 'SN1' }] }).success).to.equal(false);
    expect(UnitSalesBodySchema.safeParse({ sales: Array.from({ length: 1001 }, () => sale) }).success).to.equal(false);
  });

  it('finds overlapping runs', () => {
    expect(runsOverlap({ from: 1, count: 10 }, { from: 10, count: 5 })).to.equal(true);
    expect(runsOverlap({ from: 1, count: 10 }, { from: 11, count: 5 })).to.equal(false);
    expect(runsOverlap({ from: 20, count: 1 }, { from: 11, count: 10 })).to.equal(true);
  });
});

describe('clone suspicion of a unit scanned after its sale', () => {
  it('flags a sold unit scanned by three distinct client networks', () => {
    expect(soldUnitSuspicion(['buyer', 'household', 'elsewhere'])).to.equal(3);
  });

  it('never flags the buyer and their household, however often they scan', () => {
    expect(soldUnitSuspicion(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 'buyer' : 'household')))).to.equal(undefined);
  });

  it('keeps each client once and a bounded number of them', () => {
    expect(mergeClients(['a', 'b'], ['b', 'c', 'a'])).to.deep.equal(['a', 'b', 'c']);
    expect(mergeClients([], Array.from({ length: 100 }, (_, i) => `c${i}`))).to.have.length(MAX_CLIENTS_KEPT);
  });
});
