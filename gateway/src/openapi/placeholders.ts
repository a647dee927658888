/**
 * Example calls are written once and shown in two worlds: the published OpenAPI document, and a test
 * run against a ledger that outlives test runs, where ids must be new each run, times must lie in the
 * recent past and some values only exist once an earlier answer gave them. So examples carry
 * `{placeholder}`s, and each world fills them with its own values.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Values new for every run: ids nobody used before, and where the resolver lives. */
export const RunPlaceholders = ['run', 'importerId', 'retailerId', 'prefix', 'brandGtin', 'sscc', 'resolver', 'drugStem', 'liftOwnerId', 'liftFirmId', 'inspectionBodyId', 'callCentreId', 'rescueCode'] as const;

/**
 * Event times of the story, in minutes after its start (an hour on the clock, two days back in a test
 * run): late enough to follow the lot's production, early enough that no step lies in the future,
 * and in the order the goods move. `grantUntil` ends a logger grant, which must lie ahead.
 */
export const ScenarioMinutes = {
  attachedAt: 10,
  firstReadingAt: 15,
  secondReadingAt: 20,
  thirdReadingAt: 25,
  commissionedAt: 30,
  releasedAt: 40,
  palletShippedAt: 45,
  splitAt: 50,
  detachedAt: 55,
  shippedAt: 60,
  transformedAt: 70,
  mergedAt: 75,
  receivedAt: 180,
  storedAt: 190,
  soldAt: 240,
  drugResoldAt: 250,
  drugReturnedAt: 260,
  // The elevator chapter: a maintenance visit, a 96333 rescue within the limit, a fault.
  liftArrivedAt: 300,
  liftDepartedAt: 350,
  runtimeFrom: 360,
  runtimeMid: 361,
  runtimeTo: 362,
  liftCalledAt: 400,
  liftDispatchedAt: 402,
  rescuerArrivedAt: 425,
  passengersReleasedAt: 435,
  liftFaultAt: 450,
  // The sampling chapter: a sample taken, its report, and a re-test's report.
  sampledAt: 500,
  sampleReportedAt: 540,
  retestReportedAt: 560,
  grantUntil: 32 * 24 * 60,
} as const;

/** Calendar days derived from the story's times: the production and expiry dates on the diced lamb's label. */
export const ScenarioDays = ['transformedOn', 'dicedExpiresOn', 'liftAcceptedOn', 'liftRegisteredOn', 'liftInspectedOn', 'defectRectifyBy', 'liftRectifiedOn', 'samplingYear'] as const;
const DICED_SHELF_LIFE_DAYS = 180;

/** What earlier answers of a run give later steps: tokens, a signed code, a code run, a clue. */
export const KeptPlaceholders = ['importerToken', 'retailerToken', 'regulatorToken', 'signedUri', 'runId', 'clueId', 'purgeToken', 'liftOwnerToken', 'liftFirmToken', 'liftCoworkerToken', 'inspectionBodyToken', 'callCentreToken', 'maintenanceRecordId', 'recallId'] as const;

export type RunPlaceholder = (typeof RunPlaceholders)[number];
export type TimePlaceholder = keyof typeof ScenarioMinutes;
export type DayPlaceholder = (typeof ScenarioDays)[number];
export type KeptPlaceholder = (typeof KeptPlaceholders)[number];
export type Placeholder = RunPlaceholder | TimePlaceholder | DayPlaceholder | KeptPlaceholder;

/** The values one world gives the placeholders; a run learns the kept ones as it goes. */
export type PlaceholderValues = Readonly<Partial<Record<Placeholder, string>>>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * HOUR_MS;
/** The story happens in Ningbo and Shaoxing: times carry the +08:00 offset a Chinese site writes. */
const LOCAL_OFFSET_MS = 8 * HOUR_MS;

const isPlaceholder = (name: string): name is Placeholder =>
  (RunPlaceholders as readonly string[]).includes(name) || name in ScenarioMinutes || (ScenarioDays as readonly string[]).includes(name) || (KeptPlaceholders as readonly string[]).includes(name);

function fill(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isPlaceholder(name)) throw new Error(`unknown placeholder ${whole} in ${JSON.stringify(text)}`);
    const value = values[name];
    if (value === undefined) throw new Error(`no value for placeholder ${whole} (in ${JSON.stringify(text)}) yet`);
    return value;
  });
}

/**
 * The value with every `{placeholder}` in its strings (and object keys) replaced; an unknown name or
 * one without a value throws, so a typo cannot slip through as literal text.
 *
 * @example
 * substitute({ lotNumber: 'LAMB-{run}' }, { run: 'R7K2M9Q' }) // { lotNumber: 'LAMB-R7K2M9Q' }
 */
export function substitute<T extends JsonValue>(value: T, values: PlaceholderValues): T;
export function substitute(value: JsonValue, values: PlaceholderValues): JsonValue {
  if (typeof value === 'string') return fill(value, values);
  if (Array.isArray(value)) return value.map((item) => substitute(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [fill(key, values), substitute(item, values)]));
  }
  return value;
}

/**
 * The path and query an example sends: each `{param}` of the template replaced by its value,
 * percent-encoded as one segment (a lot id's slashes become %2F), any other `{placeholder}` by its
 * value as it stands (for paths written out in full, such as the wrongly encoded ones).
 *
 * @example
 * examplePath('/coldchain/lots/{lotId}', { lotId: '01/09521234543213/10/LAMB-{run}' }, undefined, { run: 'R1' })
 * // '/coldchain/lots/01%2F09521234543213%2F10%2FLAMB-R1'
 */
export function examplePath(template: string, params: Readonly<Record<string, string>> = {}, query: Readonly<Record<string, string>> | undefined, values: PlaceholderValues): string {
  const path = template.replace(PLACEHOLDER, (whole, name: string) => (name in params ? encodeURIComponent(fill(params[name], values)) : fill(whole, values)));
  if (!query || Object.keys(query).length === 0) return path;
  return `${path}?${new URLSearchParams(Object.entries(query).map(([name, value]): [string, string] => [name, fill(value, values)])).toString()}`;
}

/** An instant as a site in China writes it, e.g. `2026-11-27T08:10:00+08:00`. */
function localTime(ms: number): string {
  return `${new Date(ms + LOCAL_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/**
 * The story's times and days for a start instant.
 *
 * @example
 * scenarioTimes(Date.parse('2026-11-27T00:00:00Z')).attachedAt // '2026-11-27T08:10:00+08:00'
 */
export function scenarioTimes(startMs: number): Record<TimePlaceholder | DayPlaceholder, string> {
  const at = (name: TimePlaceholder): number => startMs + ScenarioMinutes[name] * MINUTE_MS;
  const times = Object.fromEntries(Object.keys(ScenarioMinutes).map((name) => [name, localTime(at(name as TimePlaceholder))])) as Record<TimePlaceholder, string>;
  const day = (ms: number): string => localTime(ms).slice(0, 10);
  return {
    ...times,
    transformedOn: day(at('transformedAt')),
    dicedExpiresOn: day(at('transformedAt') + DICED_SHELF_LIFE_DAYS * DAY_MS),
    // The lift was accepted three days before the story and registered the day before it.
    liftAcceptedOn: day(startMs - 3 * DAY_MS),
    liftRegisteredOn: day(startMs - DAY_MS),
    liftInspectedOn: day(at('liftDepartedAt')),
    defectRectifyBy: day(at('liftDepartedAt') + 30 * DAY_MS),
    liftRectifiedOn: day(at('liftFaultAt')),
    samplingYear: day(at('sampledAt')).slice(0, 4),
  };
}

/**
 * Where a test run's story starts: two days back, on the hour, so every step lies in the past and
 * the logger's readings share one hourly anchoring window.
 */
export function runStart(nowMs: number): number {
  return Math.floor((nowMs - 2 * DAY_MS) / HOUR_MS) * HOUR_MS;
}
