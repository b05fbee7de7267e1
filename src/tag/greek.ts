/** Greek letters as gene symbols write them: the spelled name (`TGF-beta`) or the letter (`TGF-β`) → the Latin capital (`TGFB`). */
export const GREEK_NAME: Record<string, string> = { alpha: 'A', beta: 'B', gamma: 'G', delta: 'D', kappa: 'K' };
export const GREEK_CHAR: Record<string, string> = { α: 'A', β: 'B', γ: 'G', δ: 'D', κ: 'K' };
