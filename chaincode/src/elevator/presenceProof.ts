import { createHash, createPublicKey, verify } from 'node:crypto';
import { forbidden, invalid, presenceCodeProblem, presenceMessage, type Elevator, type PresenceCode, type PresenceProofKind } from '../../../model/src';

/** Whether the device's key signed the code (ECDSA with SHA-256, DER; or Ed25519). Pure: same verdict on every endorser. */
function signedByDevice(publicKeyPem: string, code: PresenceCode): boolean {
  const key = createPublicKey(publicKeyPem);
  const message = Buffer.from(presenceMessage(code.deviceId, code.issuedAt), 'utf8');
  const signature = Buffer.from(code.signature, 'base64url');
  try {
    return verify(key.asymmetricKeyType === 'ed25519' ? null : 'sha256', message, key, signature);
  } catch {
    return false;
  }
}

/** Refuses a code that does not prove presence at `at`: another lift's, expired, replayed or not signed by the device. */
function requirePresenceCode(elevator: Elevator, code: PresenceCode, at: string, usedUpTo: string | undefined, field: string): void {
  const device = elevator.monitoringDevice;
  if (!device) throw invalid(`${field}: elevator ${elevator.deviceCode} has no monitoring device whose codes could prove presence; use its static code`);
  const problem = presenceCodeProblem(code, device.deviceId, at, usedUpTo);
  if (problem !== undefined) throw invalid(`${field}: ${problem}`);
  if (!signedByDevice(device.publicKeyPem, code)) throw forbidden(`${field}: the signature does not verify with the key of device ${device.deviceId}`);
}

/**
 * The proof of presence a record brings, after checking it: device codes at arrival and departure
 * (each within minutes of the stated time, each newer than any code used before), or the static
 * code of the machine room, which proves nothing alone and becomes weak proof once the using unit
 * acknowledges the visit, or none.
 */
export function checkPresence(
  elevator: Elevator,
  record: { arrivedAt: string; departedAt: string; arrivalCode?: PresenceCode; departureCode?: PresenceCode; staticCode?: string },
): PresenceProofKind {
  if (record.arrivalCode && record.departureCode) {
    requirePresenceCode(elevator, record.arrivalCode, record.arrivedAt, elevator.presenceUsedUpTo, 'arrivalCode');
    requirePresenceCode(elevator, record.departureCode, record.departedAt, record.arrivalCode.issuedAt, 'departureCode');
    return 'deviceCode';
  }
  if (record.staticCode !== undefined) {
    const digest = createHash('sha256').update(record.staticCode, 'utf8').digest('hex');
    if (elevator.staticCodeSha256 === undefined || digest !== elevator.staticCodeSha256) {
      throw forbidden(`staticCode: does not match the static code registered for elevator ${elevator.deviceCode}`);
    }
    return 'staticCode';
  }
  return 'none';
}
