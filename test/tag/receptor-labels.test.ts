import { describe, expect, it } from 'vitest';
import { mention } from '../../src/tag/mention.js';
import { receptorLabels } from '../../src/tag/receptor-labels.js';

/** the text with one receptor gene mention at `receptor`; returns the labels the rule added, as `text=norm` */
function labels(text: string, receptor: string, norm = 'NCBIGene:1813'): string[] {
  const start = text.indexOf(receptor);
  const given = [mention('gene', start, start + receptor.length, norm, 'DRD2', 0, 'gtopdb-target')];
  return receptorLabels(text, [{ start: 0, end: text.length, index: 0 } as never], given)
    .filter((m) => m.source.startsWith('receptor-label'))
    .map((m) => `${text.slice(m.start, m.end)}=${m.norm}@${m.start}`);
}

describe('receptor subtype labels written alone (receptorLabels)', () => {
  it('lends the receptor\'s identifier to its label written alone and to the label plus R', () => {
    expect(labels('The dopamine D2 receptor was studied. D2 occupancy was high.', 'dopamine D2 receptor')).toEqual(['D2=NCBIGene:1813@38']);
    expect(labels('V(2) receptors in kidney; a V(2) agonist.', 'V(2) receptors', 'NCBIGene:554')).toEqual(['V(2)=NCBIGene:554@28']);
    expect(labels('the CB2 receptor and CB2R agonists', 'CB2 receptor', 'NCBIGene:1269')).toEqual(['CB2R=NCBIGene:1269@21']);
    expect(labels('the H1-receptor; H1-antihistamines', 'H1-receptor', 'NCBIGene:3269')).toEqual(['H1=NCBIGene:3269@17']);
  });
  it('leaves a label that is part of a longer name or a coordination', () => {
    // the ligand word before the label: "dopamine D2" is one name
    expect(labels('The dopamine D2 receptor binds; dopamine D2 again.', 'dopamine D2 receptor')).toEqual([]);
    // coordinations and names that go on after the label
    expect(labels('the D2 receptor; D1 and D2 levels; D2/D3 ratio', 'D2 receptor')).toEqual([]);
    expect(labels('the D2 receptor; D2 adenosine receptors; D2-like receptors', 'D2 receptor')).toEqual([]);
  });
  it('takes no label glued to what precedes it, longer than two capitals, or from a coordinated receptor', () => {
    expect(labels('the 5-HT6 receptor; HT6 alone', '5-HT6 receptor', 'NCBIGene:3362')).toEqual([]);
    expect(labels('the PTS1 receptor; PTS1 alone', 'PTS1 receptor', 'NCBIGene:5830')).toEqual([]);
    expect(labels('an A(2A)/A(1) receptor antagonist; A(1) K(i)', 'A(1) receptor', 'NCBIGene:134')).toEqual([]);
  });
  it('leaves a label two receptors with other identifiers claim', () => {
    const text = 'the D2 receptor here, the D2 receptor there; D2 alone';
    const given = [mention('gene', 4, 15, 'NCBIGene:1813', 'DRD2', 0, 'x'), mention('gene', 26, 37, 'NCBIGene:1', 'X', 0, 'x')];
    expect(receptorLabels(text, [{ start: 0, end: text.length, index: 0 } as never], given)).toHaveLength(2);
  });
});
