/**
 * Pathways written as genes: a slash chain of genes/families ("PI3K/AKT/mTOR", "Ras/Raf/MEK/ERK")
 * or a gene followed by a pathway head word ("HER2 signaling", "STAT3 pathway") names a
 * pathway. The pathway id comes from the first member found in GENE_PATHWAYS; chains whose
 * members map to no pathway stay gene mentions.
 */
import { mention, type Mention } from './mention.js';

export const GENE_PATHWAYS: Record<string, [norm: string, name: string]> = {
  'FPLX:PI3K': ['KEGG:hsa04151', 'PI3K-Akt signaling pathway'],
  'FPLX:AKT': ['KEGG:hsa04151', 'PI3K-Akt signaling pathway'],
  'NCBIGene:5290': ['KEGG:hsa04151', 'PI3K-Akt signaling pathway'],
  'FPLX:RAS': ['KEGG:hsa04010', 'MAPK signaling pathway'],
  'FPLX:RAF': ['KEGG:hsa04010', 'MAPK signaling pathway'],
  'FPLX:MEK': ['KEGG:hsa04010', 'MAPK signaling pathway'],
  'FPLX:ERK': ['KEGG:hsa04010', 'MAPK signaling pathway'],
  'FPLX:MAPK': ['KEGG:hsa04010', 'MAPK signaling pathway'],
  'FPLX:JAK': ['KEGG:hsa04630', 'JAK-STAT signaling pathway'],
  'FPLX:STAT': ['KEGG:hsa04630', 'JAK-STAT signaling pathway'],
  'NCBIGene:3717': ['KEGG:hsa04630', 'JAK-STAT signaling pathway'],
  'NCBIGene:6774': ['KEGG:hsa04630', 'JAK-STAT signaling pathway'],
  'NCBIGene:2475': ['KEGG:hsa04150', 'mTOR signaling pathway'],
  'FPLX:mTORC1': ['KEGG:hsa04150', 'mTOR signaling pathway'],
  'FPLX:Notch': ['KEGG:hsa04330', 'Notch signaling pathway'],
  'NCBIGene:4851': ['KEGG:hsa04330', 'Notch signaling pathway'],
  'FPLX:Wnt': ['KEGG:hsa04310', 'Wnt signaling pathway'],
  'NCBIGene:1499': ['KEGG:hsa04310', 'Wnt signaling pathway'],
  'FPLX:NFkappaB': ['KEGG:hsa04064', 'NF-kappa B signaling pathway'],
  'NCBIGene:10413': ['KEGG:hsa04390', 'Hippo signaling pathway'],
  'FPLX:TGFB': ['KEGG:hsa04350', 'TGF-beta signaling pathway'],
  'NCBIGene:7040': ['KEGG:hsa04350', 'TGF-beta signaling pathway'],
  'FPLX:Hedgehog': ['KEGG:hsa04340', 'Hedgehog signaling pathway'],
  'FPLX:ERBB': ['KEGG:hsa04012', 'ErbB signaling pathway'],
  'NCBIGene:2064': ['GO:0038128', 'ERBB2 signaling pathway'],
  'NCBIGene:1956': ['GO:0007173', 'epidermal growth factor receptor signaling pathway'],
  'NCBIGene:2099': ['GO:0030520', 'intracellular estrogen receptor signaling pathway'],
  'NCBIGene:3480': ['GO:0048009', 'insulin-like growth factor receptor signaling pathway'],
};

/** "-signaling pathways", " pathway", " signalling", " cascade", " axis" right after a mention */
const HEAD = /^[ -]{0,2}(?:(?:signal(?:l)?ing|signal transduction)(?: pathways?| cascades?)?|pathways?|cascades?|axis)\b/i;
const LINK = /^ {0,1}[/-] {0,1}$/;

const PRIORITY = Object.keys(GENE_PATHWAYS);
/** pathway names as dictionaries list them but papers rarely mean them ("immune system", "cell cycle") need a head word */
export const hasPathwayHead = (surface: string): boolean => /(signal|pathway|cascade|axis)/i.test(surface);

export function pathwaysFromGenes(text: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  const linked = (a: Mention, b: Mention) => a.sentence === b.sentence && LINK.test(text.slice(a.end, b.start));
  for (let i = 0; i < mentions.length; ) {
    const m = mentions[i];
    if (m.type !== 'gene') { out.push(m); i++; continue; }
    let j = i;
    while (j + 1 < mentions.length && mentions[j + 1].type === 'gene' && linked(mentions[j], mentions[j + 1])) j++;
    // "Akt/mTOR pathway": a chain that ends in a dictionary pathway mention joins it
    const tail = j + 1 < mentions.length && mentions[j + 1].type === 'pathway' && linked(mentions[j], mentions[j + 1]) ? mentions[j + 1] : undefined;
    const chain = mentions.slice(i, j + 1);
    const last = chain[chain.length - 1];
    const head = tail ? undefined : HEAD.exec(text.slice(last.end, last.end + 40));
    const members = chain.map((g) => g.norm).filter((n) => GENE_PATHWAYS[n]).sort((a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b));
    const mapped = members[0];
    // without a head word a chain names a pathway only when two members belong to the same one
    // or it has three or more members ("PI3K/AKT", "Ras/Raf/MEK/ERK"), not for receptor pairs ("HER2/HER3 heterodimers")
    const pathwayChain = chain.length >= 3 || new Set(members.map((n) => GENE_PATHWAYS[n][0])).size < members.length;
    if (mapped && (head || tail || (chain.length > 1 && pathwayChain))) {
      const end = tail ? tail.end : last.end + (head ? head[0].length : 0);
      const [norm, name] = GENE_PATHWAYS[mapped];
      out.push(mention('pathway', m.start, end, norm, name, m.sentence, head || tail ? 'gene+head' : 'gene-chain'));
      i = j + (tail ? 2 : 1);
    } else {
      out.push(...chain);
      i = j + 1;
    }
  }
  return out;
}
