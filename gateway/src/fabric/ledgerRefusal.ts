import { GatewayError } from '@hyperledger/fabric-gateway';
import { parseLedgerError, type LedgerErrorKind } from '../../../model/src';

/** A chaincode refusal found in an error from the Fabric gateway. */
export interface LedgerRefusal {
  kind: LedgerErrorKind;
  detail: string;
}

/**
 * The chaincode's own refusal (INVALID, FORBIDDEN, NOT_FOUND, CONFLICT) inside an endorsement error,
 * which carries it per endorsing peer in `details`. Undefined when the error is not a refusal
 * (peer unreachable, timeout, MVCC conflict at commit, …).
 */
export function ledgerRefusalOf(error: unknown): LedgerRefusal | undefined {
  if (!(error instanceof GatewayError)) {
    return undefined;
  }
  for (const detail of error.details) {
    const refusal = parseLedgerError(detail.message);
    if (refusal) {
      return refusal;
    }
  }
  return parseLedgerError(error.message);
}
