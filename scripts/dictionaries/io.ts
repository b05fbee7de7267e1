/** File helpers for the dictionary build: source readers, TSV writer, hashing. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

export function readText(path: string): string {
  const buf = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Reads a TSV with a header line into objects keyed by column name. */
export function readTsv(path: string): Record<string, string>[] {
  const lines = readText(path).split('\n').filter((l) => l.length > 0 && !l.startsWith('# '));
  const head = lines[0].replace(/^#/, '').split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    const row: Record<string, string> = {};
    head.forEach((h, i) => (row[h] = cells[i] ?? ''));
    return row;
  });
}

/** RFC 4180 CSV parser (quoted fields, doubled quotes, embedded commas/newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += ch;
  }
  if (field.length > 0 || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

export const readCsv = (path: string): string[][] => parseCsv(readText(path));

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Plain JS string comparison (code-unit order), the order every output file uses. */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const clean = (s: string): string => s.replace(/[\t\n\r]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Renders a TSV: `# ` comment lines, a header line, then the rows (already sorted). */
export function renderTsv(comments: string[], header: string[], rows: string[][]): string {
  const out: string[] = comments.map((c) => `# ${c}`);
  out.push(header.join('\t'));
  for (const r of rows) out.push(r.map(clean).join('\t'));
  return out.join('\n') + '\n';
}

/** Origin / licence / version lines pulled from a source folder's NOTES.md. */
export interface SourceInfo { folder: string; origin: string; licence: string }

export function sourceInfo(root: string, folder: string): SourceInfo {
  const path = join(root, folder, 'NOTES.md');
  const text = existsSync(path) ? readText(path) : '';
  const section = (name: string): string => {
    const m = text.match(new RegExp(`## ${name}[^\\n]*\\n([\\s\\S]*?)(\\n## |$)`));
    return m ? clean(m[1]) : '';
  };
  return { folder, origin: section('Origin') || clean(text.split('\n').slice(0, 6).join(' ')), licence: section('Licence') };
}
