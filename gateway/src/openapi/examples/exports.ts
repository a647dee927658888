import type { ExampleCall } from '../exampleCall';
import { GTIN, LOT } from './story';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The export chapter (after recalls and sampling, so there is something to print): the Ningbo
 * regulator downloads the lamb's tracking events as the spreadsheet a food-safety investigation asks
 * for, by lot, by GTIN and by enterprise; the registers of its city; and the printable reports of the
 * recall and of the sampling plan. Another city's register is not its to read.
 */
export const exportExamples: readonly ExampleCall[] = [
  {
    title: 'Every tracking event of the lamb lot as CSV, sorted by event time: what, where, when, from whom, to whom, how much, on which documents',
    method: 'get', path: '/regulator/exports/events', query: { lotId: LOT, format: 'csv' }, caller: 'regulator', eventual: true,
    status: 200, contentType: CSV,
  },
  {
    title: 'Every tracking event of the GTIN, all its lots, as XLSX with a frozen, filterable header and typed date and number cells',
    method: 'get', path: '/regulator/exports/events', query: { gtin: GTIN, format: 'xlsx' }, caller: 'regulator', eventual: true,
    status: 200, contentType: XLSX,
  },
  {
    title: 'Every tracking event the importer recorded, shipped or received',
    method: 'get', path: '/regulator/exports/events', query: { enterpriseId: '{importerId}', format: 'xlsx' }, caller: 'regulator',
    status: 200, contentType: XLSX,
  },
  {
    title: 'The recall register of Ningbo, the regulator\'s city',
    method: 'get', path: '/regulator/exports/recalls', query: { region: '330200', format: 'xlsx' }, caller: 'regulator',
    status: 200, contentType: XLSX,
  },
  {
    title: 'The clue register of Ningbo as CSV',
    method: 'get', path: '/regulator/exports/clues', query: { format: 'csv' }, caller: 'regulator',
    status: 200, contentType: CSV,
  },
  {
    title: 'Shaoxing\'s clue register is not the Ningbo regulator\'s to read',
    method: 'get', path: '/regulator/exports/clues', query: { region: '330600', format: 'csv' }, caller: 'regulator',
    status: 403, response: { title: 'Forbidden' },
  },
  {
    title: 'The printable report of the recall: reason, level, scope, deadlines, state, and each holder\'s acknowledgement and report',
    method: 'get', path: '/regulator/exports/recalls/{recallId}', params: { recallId: '{recallId}' }, caller: 'regulator',
    status: 200, contentType: 'application/pdf',
  },
  {
    title: 'The printable report of the sampling plan: its samples, verdicts and pass rate',
    method: 'get', path: '/regulator/exports/sampling-plans/{planId}', params: { planId: 'CJ-{run}' }, caller: 'regulator',
    status: 200, contentType: 'application/pdf',
  },
];
