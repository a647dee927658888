import { expect } from 'chai';
import {
  eventTimeMillis,
  eventTimeProblem,
  HourlyScanAnomalySchema,
  LoggerAttachmentInputSchema,
  parseOrThrow,
  ReadingAnchorInputSchema,
  TraceEventInputSchema,
} from '../../model/src';
import { refusalMessage } from './modelFixtures';

const event = { eventId: 'ev-1', subjectId: '00/395212345000000019', bizStep: 'shipping', eventTime: '2026-11-29T08:30:00+08:00' };
const EXAMPLE = /\(e\.g\. 2026-11-29T08:30:00\+08:00 is valid\)/;

const refusal = refusalMessage;

describe('event times name a real moment', () => {
  const refused: ReadonlyArray<[string, RegExp]> = [
    ['2026-02-30T00:00:00Z', /eventTime: day 30 does not exist in February 2026, which has 28 days/],
    ['2025-02-29T12:00:00Z', /eventTime: day 29 does not exist in February 2025/],
    ['2026-04-31T10:00:00+08:00', /eventTime: day 31 does not exist in April 2026, which has 30 days/],
    ['2026-11-00T10:00:00+08:00', /eventTime: day 00 does not exist in November 2026/],
    ['2026-13-01T00:00:00Z', /eventTime: month 13 does not exist \(01–12\)/],
    ['2026-00-10T00:00:00Z', /eventTime: month 00 does not exist/],
    ['2026-11-29T24:00:00Z', /eventTime: hour 24 does not exist \(00–23/],
    ['2026-11-29T23:60:00Z', /eventTime: minute 60 does not exist/],
    ['2026-12-31T23:59:60Z', /eventTime: second 60 does not exist/],
    ['2026-11-29T08:30:00+23:59', /eventTime: offset \+23:59 is beyond ±14:00/],
    ['2026-11-29T08:30:00+14:15', /eventTime: offset \+14:15 is beyond ±14:00/],
    ['2026-11-29T08:30:00-14:30', /eventTime: offset -14:30 is beyond ±14:00/],
    ['2026-11-29T08:30:00+05:17', /eventTime: offset \+05:17 is not on the quarter-hour/],
    ['0001-01-01T00:00:00Z', /eventTime: year 0001 is outside 2000–2099/],
    ['1999-12-31T23:59:59Z', /eventTime: year 1999 is outside 2000–2099/],
    ['2100-01-01T00:00:00Z', /eventTime: year 2100 is outside 2000–2099/],
  ];
  for (const [eventTime, message] of refused) {
    it(`refuses ${eventTime}, naming the field, the fault and an accepted example`, () => {
      const text = refusal(() => parseOrThrow(TraceEventInputSchema, { ...event, eventTime }));
      expect(text).to.match(message).and.to.match(EXAMPLE);
    });
  }

  it('reports one fault per time, not a pattern mismatch on top', () => {
    expect(() => parseOrThrow(TraceEventInputSchema, { ...event, eventTime: '2026-02-30T00:00:00Z' })).to.throw(/^INVALID: eventTime: day 30 [^;]*$/);
  });

  it('still refuses a time without an offset by its shape', () => {
    expect(() => parseOrThrow(TraceEventInputSchema, { ...event, eventTime: '2026-11-29T08:30:00' })).to.throw(/eventTime: must be ISO 8601 with a UTC offset, e\.g\. /);
  });

  const accepted: ReadonlyArray<[string, string]> = [
    ['2026-11-29T08:30:00+05:45', '2026-11-29T02:45:00.000Z'],
    ['2026-11-29T08:30:00-03:30', '2026-11-29T12:00:00.000Z'],
    ['2026-11-29T08:30:00.123Z', '2026-11-29T08:30:00.123Z'],
    ['2026-11-29T08:30:00.123456789Z', '2026-11-29T08:30:00.123Z'],
    ['2026-11-29T08:30:00+12:45', '2026-11-28T19:45:00.000Z'],
    ['2026-11-29T08:30:00+14:00', '2026-11-28T18:30:00.000Z'],
    ['2026-11-29T08:30:00-12:00', '2026-11-29T20:30:00.000Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
    ['2000-01-01T00:00:00Z', '2000-01-01T00:00:00.000Z'],
    ['2099-12-31T23:59:59.999-14:00', '2100-01-01T13:59:59.999Z'],
  ];
  for (const [eventTime, instant] of accepted) {
    it(`accepts ${eventTime} as the instant ${instant}`, () => {
      expect(parseOrThrow(TraceEventInputSchema, { ...event, eventTime }).eventTime).to.equal(eventTime);
      expect(new Date(eventTimeMillis(eventTime)).toISOString()).to.equal(instant);
    });
  }

  it('holds every schema that takes an event time to the same rules', () => {
    expect(() => parseOrThrow(LoggerAttachmentInputSchema, { loggerId: 'urn:epc:id:giai:4000001.111', lotId: '01/09521234543213/10/LOT42', eventTime: '2026-02-30T00:00:00Z' }))
      .to.throw(/eventTime: day 30 does not exist/);
    const anchor = { loggerId: 'urn:epc:id:giai:4000001.111', windowStart: '2026-11-29T00:00:00Z', windowEnd: '2026-11-29T01:00:00Z', merkleRoot: 'a'.repeat(64), count: 1, minTenthsC: -190, maxTenthsC: -190, deviceSignedCount: 0 };
    expect(() => parseOrThrow(ReadingAnchorInputSchema, { ...anchor, windowStart: '2026-11-29T00:00:00+23:59' })).to.throw(/windowStart: offset \+23:59 is beyond ±14:00/);
    expect(() => parseOrThrow(ReadingAnchorInputSchema, { ...anchor, windowEnd: '2026-11-29T24:00:00Z' })).to.throw(/windowEnd: hour 24 does not exist/);
  });

  it('answers the same for a time as the schema does', () => {
    expect(eventTimeProblem('2026-11-29T08:30:00+23:59')).to.equal('offset +23:59 is beyond ±14:00');
    expect(eventTimeProblem('2026-11-29T08:30:00+05:45')).to.equal(undefined);
  });
});

describe('UTC times the gateway derives from its clock', () => {
  const anomaly = { subjectId: '01/09521234543213/21/SN000042', windowStart: '2026-11-29T08:00:00.000Z', regions: { '33': 2, '11': 3 }, scans: 5 };

  it('accepts the hour as Date.toISOString writes it', () => {
    expect(parseOrThrow(HourlyScanAnomalySchema, anomaly).windowStart).to.equal(anomaly.windowStart);
  });

  it('refuses an offset other than Z and an impossible day', () => {
    expect(() => parseOrThrow(HourlyScanAnomalySchema, { ...anomaly, windowStart: '2026-11-29T16:00:00+08:00' })).to.throw(/windowStart: must be ISO 8601 in UTC, ending in Z, e\.g\. /);
    expect(() => parseOrThrow(HourlyScanAnomalySchema, { ...anomaly, windowStart: '2026-02-30T08:00:00.000Z' })).to.throw(/windowStart: day 30 does not exist in February 2026.*e\.g\. 2026-11-29T08:00:00\.000Z/);
  });
});
