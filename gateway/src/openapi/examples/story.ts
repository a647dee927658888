/**
 * The cast and the goods of the example story. Ningbo Polar Foods imports frozen lamb from New
 * Zealand (and dices some under its own brand); Keqiao Fresh Market, a supermarket in Shaoxing, buys
 * a lot and sells it carton by carton; a Ningbo market regulator looks on. Ids carry `{run}` so that
 * a test run's story is its own on a ledger that keeps every earlier one.
 */

/** A New Zealand brand's GTIN that nobody on the platform owns: the importer uses it under its customs declaration. */
export const GTIN = '09521234543213';
export const CUSTOMS_DECLARATION = '310420261000012345';

export const LOT_NUMBER = 'LAMB-{run}';
export const LOT = `01/${GTIN}/10/${LOT_NUMBER}`;
/** The part split off the lot at the port, then diced. */
export const CHILD_LOT = `01/${GTIN}/10/LAMB-{run}-A`;
/** Two more lots of the same shipment, created at once, later merged into one. */
export const BATCH_LOTS = [`01/${GTIN}/10/LAMB-{run}-B1`, `01/${GTIN}/10/LAMB-{run}-B2`] as const;
export const MERGED_LOT = `01/${GTIN}/10/LAMB-{run}-M`;
/** Diced lamb under the importer's own brand: a GTIN of the company prefix the admin assigns it. */
export const DICED_LOT = '01/{brandGtin}/10/DICE-{run}';

export const SERIAL_PREFIX = '{run}X';
/** The first labelled carton of the lot, the one sold and complained about. */
export const FIRST_SERIAL = '{run}X000001';
export const UNIT = `01/${GTIN}/21/${FIRST_SERIAL}`;

/** The reefer container's temperature logger, a GIAI of a company prefix of the logger maker. */
export const LOGGER = 'urn:epc:id:giai:4000001.LOG-{run}';
/** The same asset as a Digital Link path value (AI 8004). */
export const LOGGER_GIAI = '4000001LOG-{run}';

/** The pallet (an SSCC) that carried the lot's cartons, followed with generic trace events. */
export const PALLET = '00/{sscc}';

/** A pack's 20-digit drug trace code: product identification code 8123456, serial 000000042, check digits 1234. */
export const DRUG_TRACE_CODE = '81234560000000421234';

/**
 * The importer also holds a drug's marketing authorisation (it is a drugMaker too), and the market
 * runs a pharmacy counter. Its identification codes are the run's stem and 1 (unit), 2 (box), 3 (case);
 * check digits are whatever the code platform issued, so they are written out.
 */
export const DRUG_ID_CODES = { unit: '{drugStem}1', box: '{drugStem}2', case: '{drugStem}3' } as const;
export const DRUG_PRODUCT = DRUG_ID_CODES.unit;
export const DRUG_BATCH = 'AMX-{run}';
export const DRUG_UNITS = ['{drugStem}10000000014821', '{drugStem}10000000025307', '{drugStem}10000000036192', '{drugStem}10000000047046'] as const;
export const DRUG_BOXES = ['{drugStem}20000000013318', '{drugStem}20000000029075'] as const;
export const DRUG_CASE = '{drugStem}30000000012264';
/** The first unit's serial with check digits nobody issued: a guess. */
export const DRUG_GUESS = '{drugStem}10000000010000';

/** The alert the retailer's short receipt raises (alert ids are `<kind>:<what makes it unique>`, here the receipt's event id). */
export const SHORT_RECEIPT_ALERT = 'quantityMismatch:receive-{run}';

export const IMPORTER_ENROLLMENT = 'importer-{run}';
export const RETAILER_ENROLLMENT = 'retailer-{run}';
export const REGULATOR_ENROLLMENT = 'regulator-{run}';

export const Places = {
  ningboPort: { gln: '0614141000036', latitude: 29.94, longitude: 121.85 },
  keqiaoSupermarket: { address: 'Keqiao Fresh Market, 1 Jinke Rd', region: '330603', latitude: 30.08, longitude: 120.49 },
} as const;

/** Stored as given: a Places value is a JSON object the examples can carry. */
export const place = (name: keyof typeof Places): { [key: string]: string | number } => ({ ...Places[name] });
