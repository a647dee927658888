import { expect } from 'chai';
import { PassThrough } from 'node:stream';
import { code128Widths, drugLabelGrid, gs1ElementStringOf, MIN_BAR_MM, printedDigits, streamDrugLabelSheetPdf, type DrugLabel } from '../../gateway/src/drugCodes';

describe('drug label sheets', () => {
  const code = '81234560000000421234';

  it('encodes the 20 digits as Code 128 subset C: 10 symbol characters, start, check and stop', () => {
    const widths = code128Widths(code);
    // Each character is 11 modules in 3 bars and 3 spaces, the stop 13 modules in 4 bars and 3 spaces.
    expect(widths.reduce((sum, w) => sum + w, 0)).to.equal(13 * 11 + 2);
    expect(widths).to.have.length(13 * 6 + 1);
  });

  it('writes the GS1 form with the serial and its check digits, the batch and the expiry as YYMMDD', () => {
    expect(gs1ElementStringOf('06912345000017', code, 'B1', '2028-10-31')).to.equal('(01)06912345000017(21)0000000421234(10)B1(17)281031');
    expect(printedDigits(code)).to.equal('8123 4560 0000 0042 1234');
  });

  it('lays labels out so that the narrowest bar prints at the minimum or wider', () => {
    const widths = code128Widths(code);
    const grid = drugLabelGrid(widths, false);
    const modules = widths.reduce((sum, w) => sum + w, 0) + 20;
    expect(grid.widthMm / modules).to.be.at.least(MIN_BAR_MM);
    expect(grid.columns).to.be.at.least(3);
    expect(grid.rows).to.be.at.least(10);
  });

  it('streams a PDF with a page per sheet-full and reports progress per label', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const seen: number[] = [];
    async function* labels(): AsyncGenerator<DrugLabel> {
      for (let n = 1; n <= 5; n++) yield { code: `8123456${String(n).padStart(9, '0')}1234`, ...(n === 1 ? { gs1: gs1ElementStringOf('06912345000017', code, 'B1', '2028-10-31') } : {}) };
    }
    const count = await streamDrugLabelSheetPdf(labels(), out, (done) => seen.push(done));
    expect(count).to.equal(5);
    expect(seen).to.deep.equal([1, 2, 3, 4, 5]);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).to.equal('%PDF-');
  });
});
