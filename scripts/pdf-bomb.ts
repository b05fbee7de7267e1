/**
 * `npx tsx scripts/pdf-bomb.ts <out.pdf> <MiB>`: writes a one-page PDF whose content stream
 * inflates to <MiB> MiB (a line of text, then spaces), then times the PDF cap check on it
 * (SECURITY.md). The stream is deflated in chunks, so a 2,048 MiB bomb needs little memory to build.
 */
import { writeFileSync } from 'node:fs';
import { checkPdfLimits } from '../src/ingest/pdf-limits.js';
import { DEFAULT_LIMITS } from '../src/ingest/limits.js';
import { constants, createDeflate } from 'node:zlib';

const [file, mib] = process.argv.slice(2);
if (!file || !Number(mib)) { console.error('usage: tsx scripts/pdf-bomb.ts <out.pdf> <MiB>'); process.exit(64); }

const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION });
const chunks: Buffer[] = [];
deflate.on('data', (c: Buffer) => chunks.push(c));
const done = new Promise((resolve) => deflate.on('end', resolve));
deflate.write('BT /F1 12 Tf 72 720 Td (Lapatinib inhibits HER2.) Tj ET\n');
const block = Buffer.alloc(1024 * 1024, 0x20);
for (let i = 0; i < Number(mib); i++) if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
deflate.end();
await done;
const stream = Buffer.concat(chunks);

const objects = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
  Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]),
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
];
const parts = [Buffer.from('%PDF-1.4\n')];
const offsets: number[] = [];
let size = parts[0].length;
objects.forEach((body, i) => {
  offsets.push(size);
  const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from('\nendobj\n')]);
  parts.push(obj);
  size += obj.length;
});
parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
const pdf = Buffer.concat(parts);
writeFileSync(file, pdf);
console.log(`wrote ${file}: ${pdf.length} bytes, content stream inflates to ${mib} MiB`);
const started = performance.now();
const verdict = await checkPdfLimits(pdf, DEFAULT_LIMITS).then(() => 'passes the caps', (e: Error) => e.message);
console.log(`cap check: ${verdict} (${Math.round(performance.now() - started)} ms, resident ${Math.round(process.memoryUsage().rss / 1048576)} MiB)`);
