/** Builds small PDFs for tests: one text line per page, an optional padded (compressible) content stream. */
import { deflateSync } from 'node:zlib';

export interface PdfSpec {
  /** text shown on each page */
  lines: string[];
  /** spaces appended to the first page's content stream (they inflate from almost nothing) */
  padding?: number;
  /** wrap the compressed stream in ASCIIHexDecode too */
  hex?: boolean;
}

export function makePdf({ lines, padding = 0, hex = false }: PdfSpec): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'));
  const pageIds = lines.map((_, i) => 4 + i * 2);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${lines.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  lines.forEach((line, i) => {
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`);
    const content = Buffer.concat([Buffer.from(`BT /F1 12 Tf 72 720 Td (${line}) Tj ET\n`, 'latin1'), Buffer.alloc(i === 0 ? padding : 0, 0x20)]);
    let data = deflateSync(content);
    if (hex) data = Buffer.from(data.toString('hex') + '>', 'latin1');
    const filter = hex ? '[/ASCIIHexDecode /FlateDecode]' : '/FlateDecode';
    add(Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter ${filter} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(size);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(obj);
    size += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
