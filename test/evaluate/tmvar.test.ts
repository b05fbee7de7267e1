import { describe, expect, it } from 'vitest';
import { parseTmvar } from '../../src/evaluate/corpora/tmvar.ts';

const SAMPLE = [
  '22016685|t|A novel missense mutation Asp506Gly in Exon 13.',
  '22016685|a|Sequencing revealed c.1517A>G (p.Asp506Gly).',
  '22016685\t26\t35\tAsp506Gly\tProteinMutation\tp|SUB|D|506|G',
  '22016685\t68\t77\tc.1517A>G\tDNAMutation\tc|SUB|A|1517|G',
  '',
  '1\t|t|not a document line',
  '99|t|Second title.',
  '99|a|rs2234671 only.',
  '99\t14\t23\trs2234671\tSNP\trs2234671',
  '',
].join('\n');

describe('parseTmvar', () => {
  const docs = parseTmvar(SAMPLE);
  it('reads documents with title + one separator + abstract', () => {
    expect(docs.map((d) => d.pmid)).toEqual(['22016685', '99']);
    expect(docs[0].text).toBe('A novel missense mutation Asp506Gly in Exon 13. Sequencing revealed c.1517A>G (p.Asp506Gly).');
  });
  it('reads mentions whose offsets point at their text', () => {
    for (const d of docs) for (const m of d.mentions) expect(d.text.slice(m.start, m.end)).toBe(m.text);
    expect(docs[0].mentions).toHaveLength(2);
    expect(docs[0].mentions[1]).toMatchObject({ type: 'DNAMutation', norm: 'c|SUB|A|1517|G' });
    expect(docs[1].mentions[0]).toMatchObject({ start: 14, end: 23, type: 'SNP', norm: 'rs2234671' });
  });
  it('returns nothing for empty input', () => {
    expect(parseTmvar('')).toEqual([]);
  });
});
