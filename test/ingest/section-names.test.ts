import { describe, expect, it } from 'vitest';
import { biocSectionName, sectionName } from '../../src/ingest/section-names.js';
import { sectionSkip } from '../../src/segment/sections.js';

describe('section names of structured documents', () => {
  it.each([
    ['Introduction', '', 'introduction'],
    ['1. Background', '', 'introduction'],
    ['Materials and Methods', '', 'methods'],
    ['Experimental procedures', '', 'methods'],
    ['Model and Results', '', 'results'],
    ['Results and Discussion', '', 'results'],
    ['Discussion', '', 'discussion'],
    ['Conclusions', '', 'conclusion'],
    ['Acknowledgments', '', 'acknowledgements'],
    ['Literature Cited', '', 'references'],
    ['Competing interests', '', 'competing interests'],
    ['Supporting Information', '', 'supplementary material'],
    ['Study population', 'methods', 'methods'],
    ['HER2 signalling in 3D cultures', '', 'her2 signalling in 3d cultures'],
  ])('%s (sec-type %s) → %s', (title, secType, name) => {
    expect(sectionName(title, secType)).toBe(name);
  });

  it('BioC section_type and type infons', () => {
    expect(biocSectionName('INTRO', 'paragraph')).toBe('introduction');
    expect(biocSectionName('REF', 'ref')).toBe('references');
    expect(biocSectionName(undefined, 'title')).toBe('title');
    expect(biocSectionName(undefined, 'abstract')).toBe('abstract');
    expect(biocSectionName(undefined, 'fig_caption')).toBe('figure');
  });

  it('back matter names are out of scope in segment, body names are not', () => {
    for (const s of ['references', 'acknowledgements', 'funding', 'competing interests', 'author contributions', 'supplementary material', 'abbreviations', 'footnotes'])
      expect(sectionSkip(s), s).not.toBeNull();
    for (const s of ['title', 'abstract', 'introduction', 'methods', 'results', 'discussion', 'conclusion', 'figure', 'table'])
      expect(sectionSkip(s), s).toBeNull();
  });
});
