export * from './codeSignature';
export * from './codeSigningKey';
export * from './codeKeyring';
export * from './qrImage';
export * from './codeSheet';
export * from './codeSheetPdf';
export * from './codeRuns';
export * from './codeVerdicts';
