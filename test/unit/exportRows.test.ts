import { PassThrough } from 'node:stream';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ColdChainLot, CustodyRecord, DrugMovement } from '../../model/src';
import { printable, writeSpreadsheet, type SpreadsheetFormat } from '../../gateway/src/exports';
import { custodyEventRow } from '../../gateway/src/projection/coldchain';
import { drugMovementRow } from '../../gateway/src/projection/drug/drugEventRows';
import { compareTrackingEvents, type TrackingEventRow } from '../../gateway/src/projection/trackingEventRow';

const LOT_ID = '01/09521234543213/10/LOT42';
const lot = {
  id: LOT_ID, gtin: '09521234543213', lotNumber: 'LOT42', product: 'Frozen lamb shoulder', unit: 'kg', customsDeclarationNumber: '310420261000012345',
  documents: { testReport: [{ kind: 'testReport', number: 'TR-7', issuer: 'lab', issuedOn: '2026-11-01', sha256: 'a'.repeat(64), assurance: 'typed', addedBy: 'x', addedAt: 'y', txId: 'z' }] },
} as unknown as ColdChainLot;
const receipt: CustodyRecord = {
  action: 'receive', eventId: 'rcv-1', lotId: LOT_ID, eventTime: '2026-11-29T08:00:00+08:00', location: { address: 'Xiaoshan cold store, 8 Hongda Rd', region: '330109' },
  decision: 'accept', quantity: 990, enterpriseId: '91330100MA27XL0E2Y', assurance: 'typed', sequence: 3, recordedAt: '2026-11-29T00:01:00Z', txId: 'tx-3',
};

async function written(format: SpreadsheetFormat, rows: { name: string; at: string; quantity?: number }[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeSpreadsheet(out, format, {
    name: 'test',
    columns: [
      { header: 'name', type: 'text', width: 10, value: (row) => row.name },
      { header: 'at', type: 'dateTime', width: 20, value: (row) => row.at },
      { header: 'quantity', type: 'number', width: 8, value: (row) => row.quantity },
    ],
  }, [rows]);
  return Buffer.concat(chunks);
}

describe('regulator export rows and files', () => {
  it('makes a receipt\'s row come from the shipper and go to the receiver, with the lot\'s documents as it stood', () => {
    const row = custodyEventRow(receipt, lot, '91330206MA2H7K3Q0R');
    expect(row).to.include({ eventType: 'receive', from: '91330206MA2H7K3Q0R', to: '91330100MA27XL0E2Y', recordedBy: '91330100MA27XL0E2Y', quantity: 990, unit: 'kg', gtin: '09521234543213', region: '330109', decision: 'accept', domain: 'coldchain' });
    expect(row.referenceDocuments).to.equal('customsDeclaration 310420261000012345; testReport TR-7');
    expect(Object.values(row), 'no empty fields stored').to.not.include(undefined);
  });

  it('makes a drug receipt come from its senders, counting the codes and naming the levels', () => {
    const movement: DrugMovement = { action: 'receive', eventId: 'r-1', codes: ['81234560000000421234', '81234560000000431234'], by: 'B', to: 'A', eventTime: '2026-11-29T08:00:00+08:00', region: '330106', counts: { box: 2, unit: 20 }, txId: 'tx' };
    expect(drugMovementRow(movement)).to.include({ domain: 'drug', from: 'A', to: 'B', quantity: 2, unit: '2 box, 20 unit', itemId: '81234560000000421234 81234560000000431234' });
  });

  it('sorts rows by the instant of their event time, whatever offset was written', () => {
    const at = (eventTime: string, eventId: string): TrackingEventRow => ({ ...custodyEventRow(receipt, lot, undefined), eventTime, eventId });
    const rows = [at('2026-11-29T09:00:00+08:00', 'c'), at('2026-11-29T00:30:00Z', 'b'), at('2026-11-29T08:00:00+08:00', 'a')];
    // As text '...00:30:00Z' sorts first; as instants 08:00+08:00 (00:00Z) does.
    expect(rows.sort(compareTrackingEvents).map((row) => row.eventId)).to.deep.equal(['a', 'b', 'c']);
  });

  it('writes CSV with a byte-order mark and quotes text a spreadsheet would run as a formula', async () => {
    const bytes = await written('csv', [{ name: '=HYPERLINK("http://evil")', at: '2026-11-29T08:00:00+08:00', quantity: 3 }]);
    expect(bytes.subarray(0, 3).toString('hex')).to.equal('efbbbf');
    expect(parse(bytes, { bom: true })).to.deep.equal([['name', 'at', 'quantity'], ['\'=HYPERLINK("http://evil")', '2026-11-29T08:00:00+08:00', '3']]);
  });

  it('writes XLSX with a frozen bold header, an autofilter, and typed date (Shanghai wall clock) and number cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await written('xlsx', [{ name: 'x', at: '2026-11-29T00:00:00Z', quantity: 7 }])) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).to.deep.equal([undefined, 'name', 'at (Asia/Shanghai)', 'quantity']);
    expect(sheet.views[0]).to.include({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).to.not.equal(undefined);
    expect((sheet.getRow(2).getCell(2).value as Date).toISOString()).to.equal('2026-11-29T08:00:00.000Z');
    expect(sheet.getRow(2).getCell(3).value).to.equal(7);
  });

  it('prints what the PDF font can draw and marks the rest', () => {
    expect(printable('Recall RC-1: 阿莫西林 Müller')).to.equal('Recall RC-1: ???? Müller');
  });
});
