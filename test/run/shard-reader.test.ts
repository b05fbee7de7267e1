import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ByteReader, payloadPart, payloadParts, readShardDocuments, readShardHeader, writeShard, type ShardDocument } from '../../src/run/shard.js';
import type { DocumentRecord, Entity } from '../../src/model/schemas.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shard-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileOf(content: string | Buffer): string {
  const file = path.join(dir, `f${Math.random()}.bin`);
  writeFileSync(file, content);
  return file;
}

async function lines(text: string): Promise<string[]> {
  const reader = await ByteReader.open(fileOf(text));
  const out: string[] = [];
  for (let l = await reader.line(); l; l = await reader.line()) out.push(l.toString('utf8'));
  await reader.close();
  return out;
}

describe('ByteReader', () => {
  it('gives back every line, with multi-byte characters and lines across 128 KB reads', async () => {
    // lines of 1 to 600,000 characters, some of them 2- and 4-byte UTF-8, so reads cut inside lines and characters
    const rows = [1, 131_071, 131_072, 3, 600_000, 7].map((n, i) => (i % 2 ? 'é' : '🧬').repeat(n / (i % 2 ? 1 : 2)) + `|${i}`);
    expect(await lines(rows.join('\n') + '\n')).toEqual(rows);
    expect(await lines(rows.join('\n'))).toEqual(rows); // no newline at the end
  });
  it('gives the same lines and runs from a first buffer of 4 bytes, grown and compacted as it goes', async () => {
    const parts = ['a', 'bcdefghij', '', 'é🧬xyz', '0123456789'.repeat(5)];
    const reader = await ByteReader.open(fileOf(parts.join('\n') + '\nRUN-OF-BYTES\nend'), 4);
    for (const p of parts) expect((await reader.line())!.toString('utf8')).toBe(p);
    expect((await reader.bytes(12)).toString()).toBe('RUN-OF-BYTES');
    expect((await reader.line())!.toString()).toBe('');
    expect((await reader.line())!.toString()).toBe('end');
    expect(await reader.line()).toBeUndefined();
    await reader.close();
  });
  it('reads an empty file as no lines', async () => {
    expect(await lines('')).toEqual([]);
  });
  it('mixes lines and byte runs, runs longer than its buffer included', async () => {
    const big = Buffer.alloc(700_000, 0x61);
    big[699_999] = 0x62;
    const reader = await ByteReader.open(fileOf(Buffer.concat([Buffer.from('head\n'), big, Buffer.from('x\ny\nzz')])));
    expect((await reader.line())!.toString()).toBe('head');
    expect((await reader.bytes(big.length)).equals(big)).toBe(true);
    expect((await reader.line())!.toString()).toBe('x');
    expect((await reader.line())!.toString()).toBe('y');
    expect((await reader.bytes(2)).toString()).toBe('zz');
    await expect(reader.bytes(1)).rejects.toThrow(/1 bytes early/);
    await reader.close();
  });
});

const record = (id: string): DocumentRecord => ({ id, source: 'a.txt', format: 'text', sha256: '0'.repeat(64), chars: 3, sentences: 1, status: 'ok' });
const entity = (start: number, end: number, text: string): Entity => ({ id: `e${start}`, doc: 'x', type: 'gene', text, start, end, norm: 'NCBIGene:1956' } as unknown as Entity);

describe('writeShard / readShardDocuments', () => {
  it('stores each document as a head and its raw parts, sorted by id; text with newlines and non-ASCII survives byte for byte', async () => {
    const text = 'ß-catenin\nbinds 🧬 EGFR\n';
    const docs: ShardDocument[] = [
      { k: 1, id: 'b', source: 'a.txt', record: record('b'), entities: [], triples: [], text: 'plain', saveText: false },
      { k: 0, id: 'a', source: 'a.txt', record: record('a'), entities: [entity(19, 23, 'EGFR')], triples: [], text, saveText: true },
    ];
    const file = path.join(dir, 'item.shard');
    const header = await writeShard(file, 'a.txt', docs, []);
    expect(header.records.map((r) => r.k)).toEqual([0, 1]);
    expect((await readShardHeader(file)).chars).toBe(text.length + 5);
    // a payload is valid until the next document is read: decoded as it comes
    const read = [];
    for await (const e of readShardDocuments(file)) read.push({ head: e.head, parts: payloadParts(e), pubtator: payloadPart(e, 'pubtator').toString('utf8'), text: payloadPart(e, 'text').toString('utf8') });
    expect(read.map((e) => e.head.id)).toEqual(['a', 'b']);
    const { parts } = read[0];
    expect(parts.text).toBe(text);
    expect(read[0].text).toBe(text);
    expect(JSON.parse(parts.entities)).toMatchObject({ text: 'EGFR', start: 19, end: 23 });
    expect(read[0].head.counts.entities).toEqual({ gene: 1 });
    expect(read[0].pubtator).toBe(parts.pubtator);
    expect(parts.pubtator.startsWith('a|')).toBe(true);
    expect(read[1].parts.text).toBe('plain');
  });
  it('a shard cut short fails naming the file and the document', async () => {
    const file = path.join(dir, 'cut.shard');
    await writeShard(file, 'a.txt', [{ k: 0, id: 'only', source: 'a.txt', record: record('only'), entities: [], triples: [], text: 'some text here', saveText: false }], []);
    const { readFileSync } = await import('node:fs');
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 5));
    const drain = async () => { for await (const e of readShardDocuments(file)) void e; };
    await expect(drain()).rejects.toThrow(/cut\.shard: document only: file ends 5 bytes early/);
  });
});

describe('LineWriter', () => {
  it('writes strings and bytes in order across its 1 MB buffers, and the caller may reuse what it passed', async () => {
    const { LineWriter } = await import('../../src/run/line-writer.js');
    const file = path.join(dir, 'out.txt');
    const w = new LineWriter(file);
    const scratch = Buffer.alloc(300_000);
    const expected: Buffer[] = [];
    for (let i = 0; i < 12; i++) {
      const s = `${i}:é🧬`.repeat(i * 20_000);
      expected.push(Buffer.from(s));
      if (w.write(s)) await w.flush();
      scratch.fill(48 + i);
      expected.push(Buffer.from(scratch));
      if (w.write(scratch)) await w.flush();
    }
    await w.close();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file).equals(Buffer.concat(expected))).toBe(true);
  });
  it('reports a file it cannot open at close, naming it', async () => {
    const { LineWriter } = await import('../../src/run/line-writer.js');
    const w = new LineWriter(path.join(dir, 'missing-dir', 'x.txt'));
    w.write('a');
    await expect(w.close()).rejects.toThrow(/missing-dir/);
  });
  it('reports a failed write at the flush after the one that started it, or at close', async () => {
    const { LineWriter } = await import('../../src/run/line-writer.js');
    const w = new LineWriter(path.join(dir, 'missing-dir', 'y.txt'));
    // a flush starts its batch and waits only for the one before: this first one resolves
    expect(w.write(Buffer.alloc(1 << 20))).toBe(true);
    await w.flush();
    w.write('b');
    await expect(w.flush()).rejects.toThrow(/missing-dir/);
    await w.abort();
  });
});
