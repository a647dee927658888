import type { ExampleCall } from '../exampleCall';
import { GTIN, LOT_NUMBER, SERIAL_PREFIX } from './story';

/** The importer prints the lot's code and the cartons' labels. */
export const codeExamples: readonly ExampleCall[] = [
  {
    title: 'Issue the lot\'s trace codes: a signed one for the carton, a short one for small packs',
    method: 'post', path: '/codes/lots', caller: 'importer',
    body: { gtin: GTIN, lotNumber: LOT_NUMBER },
    status: 201, response: { short: { uri: `{resolver}/01/${GTIN}/10/${LOT_NUMBER}` } },
    keep: { signedUri: 'body.signed.uri' },
  },
  {
    title: 'Draw the signed code as an SVG QR code',
    method: 'get', path: '/codes/qr', query: { uri: '{signedUri}' }, caller: 'consumer',
    status: 200, contentType: 'image/svg+xml',
  },
  {
    title: 'Draw it as a PNG',
    method: 'get', path: '/codes/qr', query: { uri: '{signedUri}', format: 'png' }, caller: 'consumer',
    status: 200, contentType: 'image/png',
  },
  {
    title: 'Download the labels of cartons 1–3: a ZIP of QR SVGs and codes.csv',
    method: 'post', path: '/codes/serials', caller: 'importer', eventual: true,
    body: { gtin: GTIN, serialPrefix: SERIAL_PREFIX, from: 1, count: 3 },
    status: 200, contentType: 'application/zip', responseHeaders: { 'X-Code-Count': '3' },
    keep: { runId: 'header.x-code-run' },
  },
  {
    title: 'Follow the label run\'s progress',
    method: 'get', path: '/codes/runs/{runId}', params: { runId: '{runId}' }, caller: 'importer',
    status: 200, response: { runId: '{runId}', total: 3, done: 3 },
  },
];
