import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

export const SpreadsheetFormats = ['csv', 'xlsx'] as const;
export type SpreadsheetFormat = (typeof SpreadsheetFormats)[number];

/**
 * What a column holds, so an XLSX cell is typed (sortable as numbers and dates, not as text): a
 * `dateTime` is an ISO instant, shown in Asia/Shanghai wall-clock time (Excel dates carry no zone).
 */
export type ColumnType = 'text' | 'number' | 'dateTime';

export interface SheetColumn<Row> {
  header: string;
  type: ColumnType;
  /** Width in characters in the XLSX. */
  width: number;
  value(row: Row): string | number | undefined;
}

export interface Sheet<Row> {
  /** The worksheet's name (≤ 31 characters). */
  name: string;
  columns: readonly SheetColumn<Row>[];
}

export const contentTypeOf = (format: SpreadsheetFormat): string =>
  format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The instant as a date cell reading Shanghai wall-clock time. */
const shanghaiCell = (instant: string): Date | string => {
  const millis = Date.parse(instant);
  return Number.isNaN(millis) ? instant : new Date(millis + SHANGHAI_OFFSET_MS);
};

/**
 * A spreadsheet program runs a cell starting with `=`, `+`, `-` or `@` as a formula: text typed by
 * enterprises (reasons, addresses) is quoted so that opening an export never runs it.
 */
const inert = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * Writes rows as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese text; a
 * header row; instants as recorded, ISO 8601) to `out`, batch by batch, waiting while `out` is full.
 */
async function writeCsv<Row>(out: Writable, sheet: Sheet<Row>, batches: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>): Promise<number> {
  let count = 0;
  async function* records(): AsyncGenerator<(string | number)[]> {
    for await (const batch of batches) {
      for (const row of batch) {
        count += 1;
        yield sheet.columns.map((column) => {
          const value = column.value(row);
          return value === undefined ? '' : typeof value === 'string' ? inert(value) : value;
        });
      }
    }
  }
  await pipeline(Readable.from(records()), stringify({ bom: true, header: true, columns: sheet.columns.map((column) => column.header) }), out);
  return count;
}

/** Rows written between yields to the event loop, so the zip stream drains into the response as it fills. */
const ROWS_PER_TURN = 2_000;

/**
 * Writes rows as an XLSX workbook streamed with exceljs's WorkbookWriter: a bold header row that
 * stays in view (frozen) with an autofilter on every column, so a regulator sorts and filters at once;
 * numbers and dates as typed cells. Rows are committed as written, so memory stays flat.
 */
async function writeXlsx<Row>(out: Writable, sheet: Sheet<Row>, batches: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'traceledger';
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column, i) => ({
    // The zone the cell shows; the CSV carries each instant with its own offset.
    header: column.type === 'dateTime' ? `${column.header} (Asia/Shanghai)` : column.header,
    key: String(i),
    width: column.width,
    ...(column.type === 'dateTime' ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}),
  }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  worksheet.getRow(1).commit();
  let count = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      worksheet
        .addRow(
          sheet.columns.map((column) => {
            const value = column.value(row);
            if (value === undefined) return null;
            if (column.type === 'dateTime' && typeof value === 'string') return shanghaiCell(value);
            return value;
          }),
        )
        .commit();
      count += 1;
      if (count % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  worksheet.commit();
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  await workbook.commit();
  await finished;
  return count;
}

/**
 * Streams a sheet of rows, given in order in batches, as CSV or XLSX; resolves with the rows written
 * once `out` has taken the last byte.
 *
 * @example
 * await writeSpreadsheet(response, 'xlsx', trackingEventSheet, batches) // 100000
 */
export function writeSpreadsheet<Row>(out: Writable, format: SpreadsheetFormat, sheet: Sheet<Row>, batches: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>): Promise<number> {
  return format === 'csv' ? writeCsv(out, sheet, batches) : writeXlsx(out, sheet, batches);
}
