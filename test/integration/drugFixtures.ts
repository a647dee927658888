import type { Contract } from '@hyperledger/fabric-gateway';
import {
  auditPath,
  canonicalCodeList,
  codeLeafHash,
  codeListSummary,
  type DrugLedgerUpdate,
  type InclusionProof,
  type PackagingLevel,
} from '../../model/src';
import { withContract } from '../../network/src/ledgerClient';
import type { NetworkLayout } from '../../network/src/layout';
import { asAdmin, decode, uniqueId, type TestEnterprise } from './testNetwork';

/** Shared pieces of the drug suites: identification codes, code lists with their proofs, products and batches. */

let stemCounter = 0;

/**
 * Three identification codes of their own (unit, box, case), 7 digits each: the ledger outlives test
 * runs and assigns each code once, so each call draws a new 6-digit stem.
 */
export function newIdCodes(): Record<'unit' | 'box' | 'case', string> {
  const stem = String((Math.floor(Math.random() * 900_000) + stemCounter++ * 7919) % 1_000_000).padStart(6, '0');
  return { unit: `${stem}1`, box: `${stem}2`, case: `${stem}3` };
}

/** Check digits only the code list knows (the algorithm is not public): any 4 digits that vary with the serial. */
export const checkOf = (serial: number, salt = 0): string => String((serial * 7919 + 1234 + salt) % 10_000).padStart(4, '0');

/** The 20-digit code of a serial under an identification code. */
export const codeOf = (idCode: string, serial: number, salt = 0): string => `${idCode}${String(serial).padStart(9, '0')}${checkOf(serial, salt)}`;

/** The codes of serials from..to. */
export const codesOf = (idCode: string, from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => codeOf(idCode, from + i));

/** A commissioned list as the holder keeps it: its summary for the ledger, and proofs of its codes. */
export class CodeList {
  readonly codes: string[];
  readonly summary: ReturnType<typeof codeListSummary>;
  readonly #leaves: Buffer[];

  constructor(codes: readonly string[]) {
    this.codes = canonicalCodeList(codes);
    this.summary = codeListSummary(this.codes);
    this.#leaves = this.codes.map(codeLeafHash);
  }

  /** The proof of a code of the list; of another code (a guess), the proof of the code at the same serial. */
  proof(code: string): InclusionProof {
    let index = this.codes.indexOf(code);
    if (index < 0) index = this.codes.findIndex((c) => c.slice(0, 16) === code.slice(0, 16));
    return auditPath(this.#leaves, Math.max(0, index));
  }

  proven(code: string): { code: string; proof: InclusionProof } {
    return { code, proof: this.proof(code) };
  }
}

export async function submitDrug(layout: NetworkLayout, who: TestEnterprise, fn: string, ...args: string[]): Promise<DrugLedgerUpdate> {
  return decode(await withContract(layout, who.identity, (c: Contract) => c.submitTransaction(`drug:${fn}`, ...args))) as DrugLedgerUpdate;
}

export async function evaluateDrug<T>(layout: NetworkLayout, who: TestEnterprise, fn: string, ...args: string[]): Promise<T> {
  return decode(await withContract(layout, who.identity, (c: Contract) => c.evaluateTransaction(`drug:${fn}`, ...args))) as T;
}

/** A product of `holder` with unit, box (10 units) and case (2 boxes) levels, its codes assigned by the platform admin. */
export async function registerTestProduct(layout: NetworkLayout, holder: TestEnterprise, overrides: Record<string, unknown> = {}): Promise<{ productId: string; idCodes: Record<'unit' | 'box' | 'case', string> }> {
  const idCodes = newIdCodes();
  await asAdmin(layout, async (contract) => {
    for (const idCode of Object.values(idCodes)) {
      await contract.submitTransaction('drug:assignIdentificationCode', JSON.stringify({ idCode, holderId: holder.registration.id }));
    }
  });
  await submitDrug(layout, holder, 'registerProduct', JSON.stringify(productRegistration(idCodes, overrides)));
  return { productId: idCodes.unit, idCodes };
}

export function productRegistration(idCodes: Record<'unit' | 'box' | 'case', string>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    approvalNumber: '国药准字H20261234',
    genericName: '阿莫西林胶囊',
    tradeName: '阿莫仙',
    dosageForm: '胶囊剂',
    strength: '0.25g',
    packageSpec: '24粒/盒',
    storageCondition: '密封，在干燥处保存',
    levels: [{ level: 'unit', idCode: idCodes.unit }, { level: 'box', idCode: idCodes.box, contains: 10 }, { level: 'case', idCode: idCodes.case, contains: 2 }],
    ...overrides,
  };
}

export function batchRegistration(productId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { productId, batchNumber: uniqueId('B').replace(/[^A-Za-z0-9.-]/g, '').slice(-20), productionDate: '2026-09-01', expiryDate: '2028-08-31', quantities: { unit: 1000, box: 100, case: 10 }, ...overrides };
}

/** Commissions a list of codes of one level of a batch; answers the list, for its proofs. */
export async function commissionList(layout: NetworkLayout, who: TestEnterprise, productId: string, batchNumber: string, level: PackagingLevel, codes: readonly string[], eventTime: string): Promise<CodeList> {
  const list = new CodeList(codes);
  const { firstSerial, lastSerial, count, merkleRoot } = list.summary;
  await submitDrug(layout, who, 'commissionCodes', JSON.stringify({ productId, batchNumber, level, firstSerial, lastSerial, count, merkleRoot, eventTime }));
  return list;
}

/** A place in Hangzhou, where the second sale of the duplicate-sale tests happens. */
export const HANGZHOU = { address: 'Hangzhou pharmacy, 1 Wensan Rd', region: '330106' };
export const SHAOXING = { address: 'Shaoxing pharmacy, 9 Jiefang Rd', region: '330602' };
