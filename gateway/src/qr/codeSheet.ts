import type { Writable } from 'node:stream';
import { ZipFile } from 'yazl';
import { qrSvg } from './qrImage';

export interface LabelCode {
  name: string;
  uri: string;
}

/**
 * Writes a ZIP of one SVG per code plus `codes.csv` (name, URI) for label printers. Codes are
 * rendered one by one and added as they are ready, so the archive starts streaming at once; the
 * caller bounds how many go into one archive.
 */
export async function streamCodeZip(codes: AsyncIterable<LabelCode>, out: Writable, onCode: (done: number) => void = () => undefined): Promise<number> {
  const zip = new ZipFile();
  zip.outputStream.pipe(out);
  const manifest = ['name,uri'];
  let count = 0;
  for await (const code of codes) {
    zip.addBuffer(Buffer.from(await qrSvg(code.uri)), `${code.name}.svg`, { compress: true });
    manifest.push(`${code.name},${code.uri}`);
    count++;
    onCode(count);
  }
  zip.addBuffer(Buffer.from(`${manifest.join('\n')}\n`), 'codes.csv');
  zip.end();
  await new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  return count;
}
