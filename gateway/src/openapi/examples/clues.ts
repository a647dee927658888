import { idempotencyKey, type ExampleCall } from '../exampleCall';
import { UNIT } from './story';

const CLUE = { subjectId: UNIT, clueId: '{clueId}' };
/** The photo of the broken seal the inspector took, as its sha-256. */
const PHOTO_SHA256 = 'b1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611184';

/**
 * The clue chapter: the consumer's complaint about the carton was assigned by the ledger to the
 * bureau of the retailer's city; the platform admin (who acts for every unit) confirms the unit,
 * records the on-site check, tries to close too early, files a case, decides the penalty and closes
 * it; the clue list and the closure figures show it.
 */
export const clueExamples: readonly ExampleCall[] = [
  {
    title: 'Assign the complaint to the Shaoxing bureau, which covers the retailer\'s district (the ledger already did; a reassignment must also cover the region)',
    method: 'post', path: '/regulator/clues/assignments', caller: 'admin', headers: idempotencyKey('clue-assign'),
    body: { ...CLUE, unitId: 'amr-330600' },
    status: 201, response: { result: { clueId: '{clueId}', status: 'assigned', unitId: 'amr-330600', regionCode: '330603' } },
  },
  {
    title: 'Record the on-site check: what the inspector found, with the hash of the photo taken',
    method: 'post', path: '/regulator/clues/verifications', caller: 'admin', headers: idempotencyKey('clue-verify'),
    body: { ...CLUE, findings: 'Seal of carton 42 broken; label reprinted by the retailer after water damage', evidenceHashes: [PHOTO_SHA256] },
    status: 201, response: { result: { status: 'verified', verification: { evidenceHashes: [PHOTO_SHA256] } } },
  },
  {
    title: 'Closing before the case is decided or the clue dismissed is refused',
    method: 'post', path: '/regulator/clues/closures', caller: 'admin', headers: idempotencyKey('clue-close-early'),
    body: CLUE,
    status: 409, response: { title: 'Conflict' },
  },
  {
    title: 'File a case on the verified clue',
    method: 'post', path: '/regulator/clues/cases', caller: 'admin', headers: idempotencyKey('clue-case'),
    body: { ...CLUE, caseNumber: '绍市监案〔2026〕{run}号' },
    status: 201, response: { result: { status: 'caseFiled' } },
  },
  {
    title: 'Record the penalty decision, to be published',
    method: 'post', path: '/regulator/clues/penalties', caller: 'admin', headers: idempotencyKey('clue-penalty'),
    body: { ...CLUE, decision: 'Warning; relabelling without the maker\'s consent to stop', publish: true },
    status: 201, response: { result: { case: { penalty: { publish: true } } } },
  },
  {
    title: 'Close the clue',
    method: 'post', path: '/regulator/clues/closures', caller: 'admin', headers: idempotencyKey('clue-close'),
    body: CLUE,
    status: 201, response: { result: { status: 'closed' } },
  },
  {
    title: 'A closed clue stays closed: dismissing it now is refused',
    method: 'post', path: '/regulator/clues/dismissals', caller: 'admin', headers: idempotencyKey('clue-dismiss-closed'),
    body: { ...CLUE, reason: 'Second thoughts after closing' },
    status: 409, response: { title: 'Conflict' },
  },
  {
    title: 'List the closed clues of Shaoxing (and its districts)',
    method: 'get', path: '/regulator/clues', query: { region: '330600', state: 'closed' }, caller: 'admin', eventual: true,
    status: 200, response: [{ clueId: '{clueId}', status: 'closed' }],
  },
  {
    title: 'The closure figures of Shaoxing for all time, counted from the ledger\'s clue events',
    method: 'get', path: '/regulator/clues/stats', query: { region: '330600' }, caller: 'admin', eventual: true,
    status: 200, response: { region: '330600', period: 'all' },
  },
  {
    title: 'The clues of Shaoxing due on a day long past: none are left open then',
    method: 'get', path: '/regulator/clues/due', query: { region: '330600', day: '2026-01-05' }, caller: 'admin',
    status: 200, response: [],
  },
];
