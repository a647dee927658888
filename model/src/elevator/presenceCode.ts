import { z } from 'zod';
import { cleanId } from '../cleanText';
import { UtcTimeSchema } from '../eventTime';

/**
 * How long a presence code shown by a lift's monitoring device proves presence: the stated arrival or
 * departure must lie within this of the moment the device signed. A code photographed and sent off
 * site is useless a few minutes later.
 */
export const PRESENCE_CODE_VALIDITY_MS = 10 * 60_000;

export const DeviceIdSchema = cleanId('MON-330106-0001').regex(/^[A-Za-z0-9._:-]{3,64}$/, 'must be 3–64 letters, digits or . _ : -');

/**
 * A time-bound code a lift's monitoring device shows on its display or emits, signed with the device's
 * key (registered on chain with the lift): which device, when it signed, and the signature over
 * {@link presenceMessage}.
 */
export const PresenceCodeSchema = z.strictObject({
  deviceId: DeviceIdSchema,
  issuedAt: UtcTimeSchema,
  /** base64url of the device's signature (ECDSA P-256 with SHA-256, DER; or Ed25519). */
  signature: z.string().regex(/^[A-Za-z0-9_-]{40,200}$/, 'must be a base64url signature of 40–200 characters'),
});

export type PresenceCode = z.infer<typeof PresenceCodeSchema>;

/**
 * The bytes a device signs: a fixed domain label, its id and the time, so a signature made for
 * anything else (a reading, another device) never passes as a presence code.
 *
 * @example
 * presenceMessage('MON-1', '2026-12-01T02:00:00.000Z') // 'traceledger-presence/v1|MON-1|2026-12-01T02:00:00.000Z'
 */
export function presenceMessage(deviceId: string, issuedAt: string): string {
  return `traceledger-presence/v1|${deviceId}|${issuedAt}`;
}

/**
 * Why a code does not prove presence at `at` for a lift whose device is `deviceId`, before its
 * signature is checked, or undefined when it may.
 */
export function presenceCodeProblem(code: PresenceCode, deviceId: string, at: string, usedUpTo: string | undefined): string | undefined {
  if (code.deviceId !== deviceId) return `was signed by device ${code.deviceId}, not this lift's monitoring device ${deviceId}: a code of another elevator`;
  const gap = Math.abs(Date.parse(at) - Date.parse(code.issuedAt));
  if (gap > PRESENCE_CODE_VALIDITY_MS) {
    return `was issued at ${code.issuedAt}, ${Math.round(gap / 60_000)} min from ${at}; a code is valid for ${PRESENCE_CODE_VALIDITY_MS / 60_000} min (expired)`;
  }
  if (usedUpTo !== undefined && Date.parse(code.issuedAt) <= Date.parse(usedUpTo)) {
    return `was issued at ${code.issuedAt}, not after the last code this lift's records used (${usedUpTo}): a replayed code`;
  }
  return undefined;
}
