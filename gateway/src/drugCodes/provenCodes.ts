import type { ChildRange, ProvenCode } from '../../../model/src';
import { badRequest } from '../http/httpError';
import type { DrugCodeReader } from './drugCodeReader';

/**
 * Each code with its proof from the stored lists, or a 400 naming the field: a code no list holds
 * (never commissioned, or a serial with other check digits) is unknown, and nothing is submitted.
 */
export async function provenCode(reader: Pick<DrugCodeReader, 'findForWrite'>, code: string, field: string): Promise<ProvenCode> {
  const found = await reader.findForWrite(code);
  if (!found) throw badRequest(`${field}: code ${code} is unknown: no commissioned code list holds it (never commissioned, or wrong check digits)`);
  return { code, proof: found.proof };
}

export async function provenCodes(reader: Pick<DrugCodeReader, 'findForWrite'>, codes: readonly string[], field: string): Promise<ProvenCode[]> {
  const proven: ProvenCode[] = [];
  for (const [index, code] of codes.entries()) proven.push(await provenCode(reader, code, `${field}.${index}`));
  return proven;
}

/** Children as the chaincode takes them: codes with proofs, ranges as they are. */
export async function provenChildren(reader: Pick<DrugCodeReader, 'findForWrite'>, children: readonly (string | ChildRange)[], field = 'children'): Promise<(ProvenCode | ChildRange)[]> {
  const out: (ProvenCode | ChildRange)[] = [];
  for (const [index, child] of children.entries()) out.push(typeof child === 'string' ? await provenCode(reader, child, `${field}.${index}`) : child);
  return out;
}
