import bwipjs from 'bwip-js';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';

const POINTS_PER_MM = 72 / 25.4;
const A4 = { widthMm: 210, heightMm: 297 };
const PAGE_MARGIN_MM = 10;
/**
 * The narrowest bar or space: Code 128 on a drug pack is read by tills' scanners at 0.25 mm; a little
 * more, so a printer's dot gain cannot take a bar below it (as the QR sheets keep their modules).
 */
export const MIN_BAR_MM = 0.25;
const PRINT_BAR_MM = MIN_BAR_MM * 1.1;
/** Code 128 asks for ten modules of quiet zone on each side. */
const QUIET_MODULES = 10;
const BAR_HEIGHT_MM = 12;
const TEXT_MM = 5;
const MATRIX_MODULE_MM = 0.4;
const GAP_MM = 4;

/** One label: the 20 digits as a Code 128, and where the product has a GTIN for the level, the GS1 form as a GS1 DataMatrix. */
export interface DrugLabel {
  code: string;
  /** GS1 element string, e.g. `(01)06912345000017(21)0000000421234(10)B1(17)281031`. */
  gs1?: string;
}

/** The 20 digits as printed under the bars, in groups of four. */
export const printedDigits = (code: string): string => code.replace(/(\d{4})(?=\d)/g, '$1 ');

/**
 * The GS1 form of a code: GTIN, the serial with its check digits (AI 21), batch (AI 10) and expiry
 * YYMMDD (AI 17), so a GS1 reader gets the same facts.
 *
 * @example
 * gs1ElementStringOf('06912345000017', '81234560000000421234', 'B1', '2028-10-31') // '(01)06912345000017(21)0000000421234(10)B1(17)281031'
 */
export function gs1ElementStringOf(gtin: string, code: string, batchNumber: string, expiryDate: string): string {
  return `(01)${gtin}(21)${code.slice(7)}(10)${batchNumber}(17)${expiryDate.slice(2, 4)}${expiryDate.slice(5, 7)}${expiryDate.slice(8, 10)}`;
}

/** Bar and space widths in modules (bar first) of a Code 128 of the digits; bwip-js picks subset C. */
export function code128Widths(code: string): number[] {
  const [symbol] = bwipjs.raw('code128', code, {}) as { sbs: number[] }[];
  return symbol.sbs;
}

/** Dark modules of a GS1 DataMatrix, row by row. */
function dataMatrix(elementString: string): { size: number; dark: (row: number, column: number) => boolean } {
  const [symbol] = bwipjs.raw('gs1datamatrix', elementString, {}) as { pixs: number[]; pixx: number; pixy: number }[];
  return { size: symbol.pixx, dark: (row, column) => symbol.pixs[row * symbol.pixx + column] === 1 };
}

/** The cell of one label on the sheet: wide enough for a Code 128 of 20 digits at the print bar width. */
export function drugLabelGrid(widths: readonly number[], withMatrix: boolean): { widthMm: number; heightMm: number; columns: number; rows: number } {
  const modules = widths.reduce((sum, w) => sum + w, 0) + 2 * QUIET_MODULES;
  const widthMm = Math.ceil(modules * PRINT_BAR_MM) + (withMatrix ? 20 : 0);
  const heightMm = BAR_HEIGHT_MM + TEXT_MM + GAP_MM;
  return {
    widthMm,
    heightMm,
    columns: Math.max(1, Math.floor((A4.widthMm - 2 * PAGE_MARGIN_MM) / widthMm)),
    rows: Math.max(1, Math.floor((A4.heightMm - 2 * PAGE_MARGIN_MM) / heightMm)),
  };
}

/**
 * Writes an A4 PDF sheet of drug labels, page by page as codes come: each a Code 128 of the 20
 * digits with the digits under it (bars ≥ {@link MIN_BAR_MM}), and the GS1 DataMatrix beside it when
 * the label has a GS1 form. Bars are vector rectangles, never a raster. `onCode` reports progress.
 */
export async function streamDrugLabelSheetPdf(labels: AsyncIterable<DrugLabel>, out: Writable, onCode: (done: number) => void = () => undefined): Promise<number> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: 'traceledger drug trace codes', Creator: 'traceledger' } });
  doc.pipe(out);
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  const pt = (mm: number): number => mm * POINTS_PER_MM;
  let grid: ReturnType<typeof drugLabelGrid> | undefined;
  let count = 0;
  for await (const label of labels) {
    const widths = code128Widths(label.code);
    grid ??= drugLabelGrid(widths, label.gs1 !== undefined);
    const slot = count % (grid.columns * grid.rows);
    if (slot === 0) doc.addPage();
    const xMm = PAGE_MARGIN_MM + (slot % grid.columns) * grid.widthMm;
    const yMm = PAGE_MARGIN_MM + Math.floor(slot / grid.columns) * grid.heightMm;
    let at = xMm + QUIET_MODULES * PRINT_BAR_MM;
    widths.forEach((width, index) => {
      if (index % 2 === 0) doc.rect(pt(at), pt(yMm), pt(width * PRINT_BAR_MM), pt(BAR_HEIGHT_MM));
      at += width * PRINT_BAR_MM;
    });
    doc.fillColor('black').fill();
    doc.fontSize(7).text(printedDigits(label.code), pt(xMm), pt(yMm + BAR_HEIGHT_MM + 0.5), { width: pt(at - xMm + QUIET_MODULES * PRINT_BAR_MM), align: 'center', lineBreak: false });
    if (label.gs1) {
      const matrix = dataMatrix(label.gs1);
      const left = at + QUIET_MODULES * PRINT_BAR_MM;
      for (let row = 0; row < matrix.size; row++) {
        for (let column = 0; column < matrix.size; column++) {
          if (matrix.dark(row, column)) doc.rect(pt(left + column * MATRIX_MODULE_MM), pt(yMm + row * MATRIX_MODULE_MM), pt(MATRIX_MODULE_MM), pt(MATRIX_MODULE_MM));
        }
      }
      doc.fillColor('black').fill();
    }
    count++;
    onCode(count);
  }
  if (count === 0) doc.addPage();
  doc.end();
  await finished;
  return count;
}
