import { lines } from './helpers';

/**
 * Two editions of a small guideline, for the tests of editions, reviewed links and migration. acme-2031
 * supersedes acme-2030: Z-1 is unchanged (written differently), Z-2 changes its text and obligation, Z-3 is
 * split into Z-3-a and Z-3-b, Z-4 is renamed Z-40 (Kijun's reading: provisional), Z-5 and Z-6 are merged into
 * Z-56, Z-7 and Z-9 are removed and Z-8 is new.
 */
/** The sectors and threats both editions share. */
const sectorsAndThreats = [
  'sectors:',
  '  - {id: finance, label: 金融}',
  '  - {id: medical, label: 医療}',
  'threats:',
  '  - {id: intentional, label: 意図的要因, direction: received}',
];

export const acme2030 = {
  uri: 'file:///ws/acme-2030.yaml',
  text: lines(
    'kijun: guideline',
    'id: acme-2030',
    'title: 旧指針',
    ...sectorsAndThreats,
    'items:',
    '  - {id: Z-1, label: Ⅰ, title: 体制, obligation: must-consider, level: abstract, sectors: [finance, 医療], text: 責任者を置き、役割を定める。}',
    '  - {id: Z-2, label: Ⅱ, title: 継続, title-en: Continuity, obligation: must-consider, level: abstract, text: 計画を作る。}',
    '  - {id: Z-3, label: Ⅲ, title: 情報, obligation: must-consider, level: abstract}',
    '  - {id: Z-4, label: Ⅳ, title: 委託, obligation: must-consider, level: abstract}',
    '  - {id: Z-5, label: Ⅴ, title: 監視, obligation: must-consider, level: abstract}',
    '  - {id: Z-6, label: Ⅵ, title: 記録, obligation: reference, level: concrete}',
    '  - {id: Z-7, label: Ⅶ, title: 旧項目, obligation: reference, level: concrete}',
    '  - {id: Z-9, label: Ⅸ, title: 廃止予定, obligation: reference, level: concrete}',
  ),
};

export const acme2031 = {
  uri: 'file:///ws/acme-2031.yaml',
  text: lines(
    'kijun: guideline',
    'id: acme-2031',
    'title: 新指針',
    'supersedes: acme-2030',
    ...sectorsAndThreats,
    'items:',
    '  - id: Z-1',
    '    level: abstract',
    '    obligation: must-consider',
    '    title: 体制',
    '    label: Ⅰ',
    '    sectors: [医療, finance]',
    '    text: >-',
    '      責任者を置き、',
    '      役割を定める。',
    '  - {id: Z-2, label: Ⅱ, title: 継続, title-en: Continuity, obligation: reference, level: abstract, text: 計画を作り、毎年見直す。}',
    '  - {id: Z-3-a, label: Ⅲ1, title: 情報の分類, obligation: must-consider, level: abstract, replaces: [Z-3]}',
    '  - {id: Z-3-b, label: Ⅲ2, title: 情報の取扱い, obligation: must-consider, level: abstract, replaces: [Z-3]}',
    '  - {id: Z-40, label: Ⅳ, title: 外部委託, obligation: must-consider, level: abstract, replaces: [{item: Z-4, provisional: true}]}',
    '  - {id: Z-56, label: Ⅴ, title: 監視と記録, obligation: must-consider, level: abstract, replaces: [Z-5, Z-6]}',
    '  - {id: Z-8, label: Ⅷ, title: 新設, obligation: must-consider, level: abstract}',
  ),
};

/** A finance standard of acme-2030 covering all its items, with an exclusion. */
export function acmeStandard(guideline = 'acme-2030', uri = 'file:///ws/std.yaml'): { uri: string; text: string } {
  return {
    uri,
    text: lines(
      'kijun: standard',
      `guideline: ${guideline}`,
      'id: std',
      'title: 基準',
      'sector: 金融',
      'class: 4',
      'clauses:',
      '  - id: S-1',
      '    title: 体制と継続',
      '    covers: [Z-1, Z-2]',
      '  - id: S-2',
      '    title: 情報',
      '    covers: [Z-3]',
      '  - id: S-3',
      '    title: 委託と旧項目',
      '    covers:',
      '      - Z-4',
      '      - Z-7',
      '  - id: S-4',
      '    title: 記録',
      '    covers: Z-6',
      'exclusions:',
      '  - item: Z-5',
      '    reason: 監視は別の規程で定めるため',
      '  - {item: Z-9, reason: 該当しないため}',
    ),
  };
}
