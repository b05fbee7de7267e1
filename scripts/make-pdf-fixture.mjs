#!/usr/bin/env node
// Writes a small real PDF (Helvetica text, one page per 45 lines) from a text file, so the PDF
// ingest path is tested on a file made the way papers are: text drawn on pages.
// usage: node scripts/make-pdf-fixture.mjs <input.txt> <output.pdf> [maxLines]
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, maxLines = '60'] = process.argv.slice(2);
const lines = readFileSync(input, 'utf8').split('\n').slice(0, Number(maxLines)).map((l) => l.replace(/[^\x20-\x7e]/g, '?'));
const esc = (s) => s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
const pages = [];
for (let i = 0; i < lines.length; i += 45) pages.push(lines.slice(i, i + 45));
const objects = [];
const add = (body) => { objects.push(body); return objects.length; };
const catalog = add(null);
const pagesObj = add(null);
const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
const kids = [];
for (const page of pages) {
  const content = ['BT', '/F1 10 Tf', '12 TL', '50 760 Td', ...page.map((l) => `(${esc(l)}) Tj T*`), 'ET'].join('\n');
  const stream = add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
  kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Contents ${stream} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`));
}
objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
let pdf = '%PDF-1.4\n';
const offsets = [];
objects.forEach((body, i) => { offsets.push(Buffer.byteLength(pdf)); pdf += `${i + 1} 0 obj\n${body}\nendobj\n`; });
const xref = Buffer.byteLength(pdf);
pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
writeFileSync(output, pdf, 'latin1');
