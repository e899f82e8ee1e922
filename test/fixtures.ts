import { lines } from './helpers';

/**
 * A small guideline for rule tests, so that expected ranges do not move when the bundled data
 * is edited. Items: A (must) with A-1 (must) and A-2 (reference); B (must, finance only);
 * C (must) with C-1 (must, medical only).
 */
export const testGuideline = {
  uri: 'file:///ws/test-guideline.yaml',
  text: lines(
    'kijun: guideline',
    'id: test-g',
    'title: テスト指針',
    'sectors:',
    '  - id: finance',
    '    label: 金融',
    '    subsectors:',
    '      - {id: finance.banking, label: 銀行}',
    '  - id: medical',
    '    label: 医療',
    '  - id: government',
    '    label: 政府・行政サービス',
    'threats:',
    '  - id: intentional',
    '    label: 意図的要因',
    '    direction: received',
    '    examples:',
    '      - {id: intentional.dos, label: サービス不能攻撃（DoS）, responder: operator}',
    '  - id: disaster',
    '    label: 災害',
    '    direction: received',
    'items:',
    '  - id: A',
    '    label: Ⅰ',
    '    title: 体制',
    '    title-en: Organisation',
    '    obligation: must-consider',
    '    level: abstract',
    '    items:',
    '      - {id: A-1, label: Ⅰ1, title: 責任者, title-en: Officer, obligation: must-consider, level: abstract}',
    '      - {id: A-2, label: Ⅰ2, title: 参考, title-en: Note, obligation: reference, level: concrete}',
    '  - {id: B, label: Ⅱ, title: 金融向け, title-en: For finance, obligation: must-consider, level: abstract, sectors: [finance]}',
    '  - id: C',
    '    label: Ⅲ',
    '    title: 継続',
    '    title-en: Continuity',
    '    obligation: must-consider',
    '    level: abstract',
    '    items:',
    '      - {id: C-1, label: Ⅲ1, title: 医療向け, title-en: For medical, obligation: must-consider, level: abstract, sectors: [医療]}',
  ),
};

/** A finance standard of the test guideline covering everything that applies to it. */
export function completeStandard(extra: string[] = []): string {
  return lines(
    'kijun: standard',
    'guideline: test-g',
    'id: std-1',
    'title: テスト基準',
    'sector: 金融',
    'class: 3',
    'clauses:',
    '  - id: S-1',
    '    title: 責任者',
    '    covers: [A-1, A-2]',
    '  - id: S-2',
    '    title: 金融',
    '    covers: [B]',
    '    threats: [intentional]',
    '  - id: S-3',
    '    title: 継続',
    '    covers: [C]',
    ...extra,
  );
}
