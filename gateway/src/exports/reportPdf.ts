import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';

/**
 * Text the PDF's built-in font can draw. The gateway host has no CJK font installed (`fc-list
 * :lang=zh` lists none) and none is shipped, so characters outside Latin-1 print as `?`; the
 * report says so at its end, and the JSON routes carry the text whole.
 */
export const printable = (text: string): string => text.replace(/[^\n\x20-\x7e\xa0-\xff]/g, '?');

const hasUnprintable = (text: string): boolean => printable(text) !== text;

export interface TableColumn {
  header: string;
  /** Share of the page's width. */
  width: number;
}

const MARGIN = 40;

/**
 * A printable A4 report, written to `out` as it is built: a title, labelled fields, headed tables
 * that repeat their header on each new page.
 *
 * @example
 * const report = new ReportPdf(response, 'Recall RC-0123456789abcdef');
 * report.fields([['state', 'open'], ['level', '1']]);
 * await report.end();
 */
export class ReportPdf {
  readonly #doc: PDFKit.PDFDocument;
  readonly #finished: Promise<void>;
  #unprintable = false;

  constructor(out: Writable, title: string, subtitle: string) {
    this.#doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: printable(title), Creator: 'traceledger' } });
    this.#doc.pipe(out);
    this.#finished = new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
    });
    this.#doc.font('Helvetica-Bold').fontSize(16).text(this.#printable(title));
    this.#doc.font('Helvetica').fontSize(9).fillColor('#555555').text(this.#printable(subtitle)).fillColor('black').moveDown();
  }

  #printable(text: string): string {
    if (hasUnprintable(text)) this.#unprintable = true;
    return printable(text);
  }

  get #width(): number {
    return this.#doc.page.width - 2 * MARGIN;
  }

  heading(text: string): void {
    this.#room(40);
    this.#doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(this.#printable(text), MARGIN).font('Helvetica').fontSize(9).moveDown(0.3);
  }

  /** Label and value pairs, one a line; values left out when unknown. */
  fields(pairs: readonly (readonly [string, string | number | undefined])[]): void {
    for (const [label, value] of pairs) {
      if (value === undefined || value === '') continue;
      this.#room(14);
      this.#doc.font('Helvetica-Bold').fontSize(9).text(`${label}: `, MARGIN, undefined, { continued: true }).font('Helvetica').text(this.#printable(String(value)));
    }
  }

  paragraph(text: string): void {
    this.#room(14);
    this.#doc.font('Helvetica').fontSize(9).text(this.#printable(text), MARGIN);
  }

  /** A table; each cell wraps within its column, and a row that does not fit starts a new page under the header again. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / total) * this.#width);
    const drawRow = (cells: readonly string[], bold: boolean): void => {
      this.#doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
      const texts = cells.map((cell) => this.#printable(cell));
      const height = Math.max(...texts.map((text, i) => this.#doc.heightOfString(text, { width: widths[i] - 4 }))) + 4;
      if (this.#doc.y + height > this.#doc.page.height - MARGIN) {
        this.#doc.addPage();
        if (!bold) drawRow(columns.map((column) => column.header), true);
      }
      const top = this.#doc.y;
      let x = MARGIN;
      texts.forEach((text, i) => {
        this.#doc.text(text, x + 2, top + 2, { width: widths[i] - 4 });
        x += widths[i];
      });
      this.#doc.moveTo(MARGIN, top + height).lineTo(MARGIN + this.#width, top + height).strokeColor('#cccccc').lineWidth(0.5).stroke();
      this.#doc.x = MARGIN;
      this.#doc.y = top + height;
    };
    drawRow(columns.map((column) => column.header), true);
    for (const row of rows) drawRow(row, false);
    this.#doc.moveDown(0.5);
  }

  #room(height: number): void {
    if (this.#doc.y + height > this.#doc.page.height - MARGIN) this.#doc.addPage();
  }

  /** Ends the document (noting any text it could not print) and resolves once `out` has taken it. */
  async end(): Promise<void> {
    if (this.#unprintable) {
      this.heading('Note');
      this.paragraph('Characters this report cannot print (Chinese names and text: the gateway host has no CJK font) are shown as "?". The JSON routes carry them whole.');
    }
    this.#doc.end();
    await this.#finished;
  }
}
