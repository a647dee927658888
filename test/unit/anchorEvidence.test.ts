import { expect } from 'chai';
import {
  anchorSpan,
  episodeContradiction,
  MAX_ANCHOR_WINDOW_MS,
  parseOrThrow,
  periodMeets,
  ReadingAnchorInputSchema,
  unexplainedExtreme,
  type WindowStatement,
} from '../../model/src';

const H = 3_600_000;
const START = Date.UTC(2026, 10, 29);
const at = (hours: number): string => new Date(START + hours * H).toISOString();
const FROZEN = { minTenthsC: -600, maxTenthsC: -180 };

/** A one-hour window from 10 h whose readings lie in −20.0..−12.0 °C. */
const window: WindowStatement = { windowStart: at(10), windowEnd: at(11), minTenthsC: -200, maxTenthsC: -120, excursions: [] };

describe('what an anchor may state', () => {
  it('bounds a window at 24 hours', () => {
    const anchor = { loggerId: 'urn:epc:id:giai:4000001.111', merkleRoot: 'a'.repeat(64), count: 60, minTenthsC: -200, maxTenthsC: -190, deviceSignedCount: 0 };
    expect(MAX_ANCHOR_WINDOW_MS).to.equal(24 * H);
    expect(parseOrThrow(ReadingAnchorInputSchema, { ...anchor, windowStart: at(0), windowEnd: at(24) }).windowEnd).to.equal(at(24));
    expect(() => parseOrThrow(ReadingAnchorInputSchema, { ...anchor, windowStart: at(0), windowEnd: at(25) })).to.throw(
      'INVALID: windowEnd: must lie at most 24 h after windowStart; anchor a longer stretch as several windows',
    );
  });

  it('holds an episode that starts in the window to the window\'s stated extremes', () => {
    const inside = { start: at(10.2), end: at(10.9), minTenthsC: -150, maxTenthsC: -120 };
    expect(episodeContradiction(window, inside)).to.equal(undefined);
    expect(episodeContradiction(window, { ...inside, maxTenthsC: -90 })).to.equal('claims -15.0 °C..-9.0 °C, but starts in a window whose readings lie in -20.0 °C..-12.0 °C');
    expect(episodeContradiction(window, { ...inside, minTenthsC: -210 })).to.match(/^claims -21\.0 °C/);
    // Starting at the window's first instant is starting in it.
    expect(episodeContradiction(window, { ...inside, start: at(10), maxTenthsC: -90 })).to.match(/^claims /);
  });

  it('lets an episode carried over from before the window hold earlier readings, reaching back at most 24 h', () => {
    const carried = { start: at(9.5), end: at(10.2), minTenthsC: -110, maxTenthsC: -90 };
    expect(episodeContradiction(window, carried)).to.equal(undefined);
    expect(episodeContradiction(window, { ...carried, start: at(-14) })).to.equal(undefined);
    expect(episodeContradiction(window, { ...carried, start: at(-14.01) })).to.match(/^starts .*, more than 24 h before the window starting /);
  });

  it('refuses, through the schema, an anchor whose episode contradicts its stated extremes, naming the episode', () => {
    const anchor = { loggerId: 'urn:epc:id:giai:4000001.111', merkleRoot: 'a'.repeat(64), count: 60, deviceSignedCount: 0, ...window };
    const episodes = [
      { start: at(10.1), end: at(10.2), minTenthsC: -130, maxTenthsC: -120 },
      { start: at(10.5), end: at(10.9), minTenthsC: -100, maxTenthsC: -90 },
    ];
    expect(() => parseOrThrow(ReadingAnchorInputSchema, { ...anchor, excursions: episodes })).to.throw(/^INVALID: excursions\.1: claims -10\.0 °C\.\.-9\.0 °C, but starts in a window/);
    expect(parseOrThrow(ReadingAnchorInputSchema, { ...anchor, excursions: episodes.slice(0, 1) }).excursions).to.have.length(1);
  });

  it('finds a window extreme outside a range that no episode reaches, and accepts one a short episode reaches', () => {
    expect(unexplainedExtreme(window, FROZEN)).to.equal('its maximum -12.0 °C lies above -18.0 °C but no episode reaches it');
    expect(unexplainedExtreme({ ...window, excursions: [{ start: at(10.1), end: at(10.2), minTenthsC: -150, maxTenthsC: -130 }] }, FROZEN)).to.match(/^its maximum/);
    expect(unexplainedExtreme({ ...window, excursions: [{ start: at(10.1), end: at(10.11), minTenthsC: -120, maxTenthsC: -120 }] }, FROZEN)).to.equal(undefined);
    expect(unexplainedExtreme({ ...window, minTenthsC: -650, maxTenthsC: -190 }, FROZEN)).to.equal('its minimum -65.0 °C lies below -60.0 °C but no episode reaches it');
    // A range the whole window fits needs no episode.
    expect(unexplainedExtreme(window, { minTenthsC: -250, maxTenthsC: -100 })).to.equal(undefined);
  });

  it('speaks for the window and back to a carried episode\'s start; periods meet it when they share an instant', () => {
    const span = anchorSpan({ ...window, excursions: [{ start: at(9.5), end: at(10.2), minTenthsC: -110, maxTenthsC: -90 }] });
    expect(span).to.deep.equal({ startMs: START + 9.5 * H, endMs: START + 11 * H });
    expect(periodMeets({ from: at(2), to: at(9.5) }, span)).to.equal(true);
    expect(periodMeets({ from: at(2), to: at(9.4) }, span)).to.equal(false);
    expect(periodMeets({ from: at(11) }, span)).to.equal(true);
    expect(periodMeets({ from: at(11.01) }, span)).to.equal(false);
  });
});
