import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderVerbForms, VERB_FORMS_FILE } from '../../scripts/triggers.js';
import { TRIGGERS } from '../../src/relate/triggers.js';

describe('npm run triggers', () => {
  it('the committed verb-forms.ts is what compromise conjugates today (the table never drifts)', () => {
    expect(readFileSync(VERB_FORMS_FILE, 'utf8')).toBe(renderVerbForms());
  });

  it('the lexicon holds every conjugated form with its predicate', () => {
    expect(TRIGGERS.get('inhibited')).toEqual({ predicate: 'inhibits', form: 'participle', lemma: 'inhibit' });
    expect(TRIGGERS.get('bound')).toEqual({ predicate: 'binds', form: 'participle', lemma: 'bind' });
    expect(TRIGGERS.get('down regulating')).toEqual({ predicate: 'downregulates', form: 'gerund', lemma: 'downregulate' });
    expect(TRIGGERS.get('neutralised')?.predicate).toBe('inhibits');
  });

  it('extraction does not load compromise: triggers.ts reads the generated table', () => {
    const source = readFileSync(new URL('../../src/relate/triggers.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from 'compromise'/);
  });
});
