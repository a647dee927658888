import QRCode from 'qrcode';

/** Reliable phone scanning needs at least this much per module when printed. */
export const MIN_MODULE_MM = 0.5;
/** The quiet zone QR requires on each side, in modules. */
export const QUIET_ZONE = 4;
/** M: survives ~15% damage — labels get scuffed, and the signed form still fits a small version. */
export const ERROR_CORRECTION = 'M';

export interface QrFacts {
  version: number;
  modules: number;
  /** Smallest printed side length, quiet zone included, at {@link MIN_MODULE_MM} per module. */
  minPrintMm: number;
}

export function qrFacts(text: string): QrFacts {
  const code = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const modules = code.modules.size;
  return { version: code.version, modules, minPrintMm: Math.ceil((modules + 2 * QUIET_ZONE) * MIN_MODULE_MM * 10) / 10 };
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: ERROR_CORRECTION, margin: QUIET_ZONE });
}

export function qrPng(text: string, scale = 8): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: ERROR_CORRECTION, margin: QUIET_ZONE, scale });
}
