import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { ERROR_CORRECTION, MIN_MODULE_MM, QUIET_ZONE } from './qrImage';
import type { LabelCode } from './codeSheet';

const POINTS_PER_MM = 72 / 25.4;
const A4 = { widthMm: 210, heightMm: 297 };
const PAGE_MARGIN_MM = 10;
const LABEL_TEXT_MM = 5;
/** A little above the minimum, so a printer's dot gain cannot take a module below it. */
const PRINT_MODULE_MM = MIN_MODULE_MM * 1.1;

/**
 * Writes an A4 PDF sheet of QR codes with their names for label printing, page by page as codes are
 * ready. Every code on the sheet gets the same cell, sized from the first code so that one module
 * prints at ≥ 0.5 mm (a run's codes share their length, so their QR version). `onCode` reports progress.
 */
export async function streamCodeSheetPdf(codes: AsyncIterable<LabelCode>, out: Writable, onCode: (done: number) => void = () => undefined): Promise<number> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: 'traceledger trace codes', Creator: 'traceledger' } });
  doc.pipe(out);
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  let grid: { sideMm: number; columns: number; rows: number } | undefined;
  let count = 0;
  for await (const code of codes) {
    const qr = QRCode.create(code.uri, { errorCorrectionLevel: ERROR_CORRECTION });
    grid ??= labelGrid(qr.modules.size);
    const perPage = grid.columns * grid.rows;
    const slot = count % perPage;
    if (slot === 0) doc.addPage();
    const xMm = PAGE_MARGIN_MM + (slot % grid.columns) * grid.sideMm;
    const yMm = PAGE_MARGIN_MM + Math.floor(slot / grid.columns) * (grid.sideMm + LABEL_TEXT_MM);
    drawModules(doc, qr.modules, xMm, yMm, grid.sideMm);
    doc.fontSize(7).fillColor('black').text(code.name, xMm * POINTS_PER_MM, (yMm + grid.sideMm) * POINTS_PER_MM, { width: grid.sideMm * POINTS_PER_MM, align: 'center', lineBreak: false });
    count++;
    onCode(count);
  }
  if (count === 0) doc.addPage();
  doc.end();
  await finished;
  return count;
}

/** The A4 grid for codes of this many modules a side: cell side in mm, columns and rows per page. */
export function labelGrid(modules: number): { sideMm: number; columns: number; rows: number } {
  const sideMm = Math.ceil((modules + 2 * QUIET_ZONE) * PRINT_MODULE_MM);
  const usableWidth = A4.widthMm - 2 * PAGE_MARGIN_MM;
  const usableHeight = A4.heightMm - 2 * PAGE_MARGIN_MM;
  return { sideMm, columns: Math.max(1, Math.floor(usableWidth / sideMm)), rows: Math.max(1, Math.floor(usableHeight / (sideMm + LABEL_TEXT_MM))) };
}

/** Dark modules as one filled path per code, a rectangle per horizontal run of dark modules. */
function drawModules(doc: PDFKit.PDFDocument, modules: { size: number; get(row: number, column: number): number }, xMm: number, yMm: number, sideMm: number): void {
  const moduleMm = sideMm / (modules.size + 2 * QUIET_ZONE);
  const origin = (mm: number): number => mm * POINTS_PER_MM;
  for (let row = 0; row < modules.size; row++) {
    let run = -1;
    for (let column = 0; column <= modules.size; column++) {
      const dark = column < modules.size && modules.get(row, column) === 1;
      if (dark && run < 0) run = column;
      if (!dark && run >= 0) {
        doc.rect(origin(xMm + (QUIET_ZONE + run) * moduleMm), origin(yMm + (QUIET_ZONE + row) * moduleMm), origin((column - run) * moduleMm), origin(moduleMm));
        run = -1;
      }
    }
  }
  doc.fillColor('black').fill();
}
