/**
 * One temperature reading of a logger, as it enters the Merkle tree.
 *
 * Canonical encoding (the bytes a leaf hashes): UTF-8 of the canonical JSON of exactly these four
 * members — keys sorted, no whitespace — with `time` normalised to UTC with milliseconds
 * (`YYYY-MM-DDTHH:mm:ss.sssZ`) and the temperature as an integer in tenths of a degree Celsius:
 *
 * `{"loggerId":"urn:epc:id:giai:4000001.111","readingId":"r-0","tenthsC":-195,"time":"2026-11-29T00:00:00.000Z"}`
 *
 * Integers and one time form keep the bytes identical whoever re-encodes the reading, which a third
 * party verifying a proof must be able to do from the reading alone.
 */
export interface TemperatureReading {
  loggerId: string;
  /** Unique per logger; the gateway refuses duplicates. */
  readingId: string;
  /** Any ISO 8601 instant; encoded in UTC. */
  time: string;
  tenthsC: number;
}

export function canonicalReadingBytes(reading: TemperatureReading): Buffer {
  return Buffer.from(canonicalReadingText(reading), 'utf8');
}

/**
 * The canonical JSON text of a reading, written out directly (members already in key order) instead of
 * through `canonicalJson`: it runs once per reading of every upload. Strings are escaped by
 * `JSON.stringify`, as `canonicalJson` does; the fixed vectors of the unit tests hold both to the same bytes.
 */
export function canonicalReadingText(reading: TemperatureReading): string {
  if (!Number.isInteger(reading.tenthsC)) {
    throw new TypeError(`tenthsC must be an integer (tenths of a degree Celsius), got ${reading.tenthsC}`);
  }
  const millis = Date.parse(reading.time);
  if (Number.isNaN(millis)) {
    throw new TypeError(`time ${reading.time} is not an ISO 8601 instant`);
  }
  return `{"loggerId":${JSON.stringify(reading.loggerId)},"readingId":${JSON.stringify(reading.readingId)},"tenthsC":${reading.tenthsC},"time":"${new Date(millis).toISOString()}"}`;
}
