import { ACCEPT_JSON, idempotencyKey, type ExampleCall } from '../exampleCall';
import type { JsonValue } from '../placeholders';

/** The province's bureau, which clues escalate to when a city's bureau misses its deadline. */
const PROVINCE_UNIT = { unitId: 'amr-330000', name: '浙江省市场监督管理局', regions: ['330000'] };

const put = (title: string, path: string, key: string, body: JsonValue, kind: string, id: string): ExampleCall => ({
  title, method: 'post', path: `/admin/reference/${path}`, caller: 'admin', headers: idempotencyKey(key), body,
  status: 201, response: { result: { kind, id } },
});

/**
 * The reference chapter: the platform admin writes the tables the regulator's work reads — Zhejiang's
 * regions down to two Hangzhou districts, the Hangzhou bureau that covers them, a product category,
 * 2026's working-day calendar, a recall level and a clue deadline; anyone reads them back.
 */
export const referenceExamples: readonly ExampleCall[] = [
  put('Add a province to the region table', 'regions', 'region-zj', { code: '330000', name: '浙江省' }, 'region', '330000'),
  put('Add a city within it', 'regions', 'region-hz', { code: '330100', name: '杭州市', parent: '330000' }, 'region', '330100'),
  put('Add a district of the city', 'regions', 'region-xh', { code: '330106', name: '西湖区', parent: '330100' }, 'region', '330106'),
  put('And another', 'regions', 'region-bj', { code: '330108', name: '滨江区', parent: '330100' }, 'region', '330108'),
  put('And the cities of the story\'s importer and retailer, Ningbo and Shaoxing', 'regions', 'region-nb', { code: '330200', name: '宁波市', parent: '330000' }, 'region', '330200'),
  put('With the importer\'s district', 'regions', 'region-bl', { code: '330206', name: '北仑区', parent: '330200' }, 'region', '330206'),
  put('Shaoxing', 'regions', 'region-sx', { code: '330600', name: '绍兴市', parent: '330000' }, 'region', '330600'),
  put('With the retailer\'s district', 'regions', 'region-kq', { code: '330603', name: '柯桥区', parent: '330600' }, 'region', '330603'),
  put('Record the Ningbo bureau and its city', 'regulator-units', 'unit-nb', { unitId: 'amr-330200', name: '宁波市市场监督管理局', regions: ['330200'] }, 'regulatorUnit', 'amr-330200'),
  put('And the Shaoxing bureau', 'regulator-units', 'unit-sx', { unitId: 'amr-330600', name: '绍兴市市场监督管理局', regions: ['330600'] }, 'regulatorUnit', 'amr-330600'),
  put(
    'Record the Hangzhou bureau and the regions whose clues it handles (the city, and so its districts)', 'regulator-units', 'unit-hz',
    { unitId: 'amr-330100', name: '杭州市市场监督管理局', regions: ['330100'] }, 'regulatorUnit', 'amr-330100',
  ),
  put('And the province\'s bureau, above the cities\' (escalated clues go there)', 'regulator-units', 'unit-zj', PROVINCE_UNIT, 'regulatorUnit', PROVINCE_UNIT.unitId),
  put('Add a product category for sampling plans', 'product-categories', 'category-meat', { code: 'food.meat.frozen', name: 'Frozen meat', domain: 'food' }, 'productCategory', 'food.meat.frozen'),
  put(
    'Write 2026\'s working-day calendar: public holidays on weekdays, and weekend days worked in exchange', 'working-calendars', 'calendar-2026',
    {
      year: 2026,
      holidays: ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23', '2026-04-06', '2026-05-01', '2026-05-04', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
    'workingCalendar', '2026',
  ),
  put('Set a recall level\'s deadlines (food level 1: start within 24 h, finish within 10 working days)', 'recall-levels', 'recall-food-1', { domain: 'food', level: 1, acknowledgeWithinHours: 24, finishWithinWorkingDays: 10 }, 'recallLevel', 'food.1'),
  put('Set how long a unit has to close a high-severity clue before it escalates', 'clue-deadlines', 'deadline-high', { severity: 'high', closeWithinHours: 72 }, 'clueDeadline', 'high'),
  {
    title: 'Read the region table (public)',
    method: 'get', path: '/reference/{kind}', params: { kind: 'regions' }, caller: 'consumer', headers: ACCEPT_JSON,
    status: 200, response: { kind: 'region' },
  },
];
