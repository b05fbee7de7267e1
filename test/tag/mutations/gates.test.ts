import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect } from '../../../src/tag/mutations/scan.ts';
import { RULES } from '../../../src/tag/mutations/rules.ts';

/** texts that hold mutations: the rule-tester rows, false-positive lists and rule comments, the seed corpus, tmVar (slow) */
function pool(): string[] {
  const quoted = (file: string) => [...readFileSync(file, 'utf8').matchAll(/'((?:[^'\\\n]|\\.){3,})'/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
  const texts = ['find-variants', 'false-positives'].flatMap((f) => quoted(`test/tag/mutations/${f}.test.ts`));
  // the example comments above each rule
  for (const f of ['rules', 'natural']) texts.push(...readFileSync(`src/tag/mutations/${f}.ts`, 'utf8').split('\n').filter((l) => /^\s+\/\/ /.test(l)).map((l) => l.trim().slice(3)));
  for (const f of readdirSync('corpus').filter((x) => x.endsWith('.md'))) texts.push(...readFileSync(path.join('corpus', f), 'utf8').split('\n'));
  const tmvar = '../shared/eval/tmvar/train.PubTator.txt';
  if (process.env.BIOTRIPLES_SLOW && existsSync(tmvar))
    for (const line of readFileSync(tmvar, 'utf8').split('\n')) { const m = /^\d+\|[ta]\|(.*)$/.exec(line); if (m) texts.push(m[1]); }
  return texts;
}

describe('mutation rule gates (exact prefilters)', () => {
  const texts = pool();
  it('every match of a rule contains a match of its gate', () => {
    const matched = new Set<string>();
    for (const rule of RULES) {
      const re = new RegExp(rule.re.source, rule.re.flags);
      for (const text of texts) {
        re.lastIndex = 0;
        for (let m; (m = re.exec(text));) {
          if (!m[0].length) { re.lastIndex++; continue; }
          matched.add(rule.id);
          expect(rule.gate.test(m[0]), `${rule.id} on ${JSON.stringify(m[0])}`).toBe(true);
        }
      }
    }
    // the pool exercises most rules (the rule-tester rows hold an example of each)
    expect(RULES.map((r) => r.id).filter((id) => !matched.has(id))).toEqual([]);
  });

  it('gated and ungated scans find the same candidates', () => {
    const open = RULES.map((r) => ({ ...r, gate: /(?:)/ }));
    let found = 0;
    for (const text of texts) {
      const gated = collect(text);
      found += gated.length;
      expect(gated).toEqual(collect(text, open));
    }
    expect(found).toBeGreaterThan(50);
  });

  it('a gate that fails skips its rule', () => {
    const closed = RULES.map((r) => ({ ...r, gate: /$^/ }));
    expect(collect('HER2 V777L and c.2264_2278del', closed)).toEqual([]);
    expect(collect('HER2 V777L and c.2264_2278del').length).toBeGreaterThan(1);
  });

  it('a gate several rules share is tried once per text', () => {
    // the table shares some (`del|ins|dup`); one counted copy of each distinct gate stands in for all its rules
    const tried = new Map<string, number>();
    const counted = new Map<string, RegExp>();
    const rules = RULES.map((r) => {
      const key = `${r.gate.flags}/${r.gate.source}`;
      let gate = counted.get(key);
      if (!gate) {
        gate = new RegExp(r.gate.source, r.gate.flags);
        const test = gate.test.bind(gate);
        gate.test = (s: string) => { tried.set(key, (tried.get(key) ?? 0) + 1); return test(s); };
        counted.set(key, gate);
      }
      return { ...r, gate };
    });
    expect(counted.size).toBeLessThan(RULES.length);
    const text = 'HER2 V777L and c.2264_2278del, a deletion of exon 19';
    expect(collect(text, rules)).toEqual(collect(text));
    expect([...tried.values()].every((n) => n === 1)).toBe(true);
    expect(tried.size).toBe(counted.size);
  });
});
