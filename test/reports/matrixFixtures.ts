import { Locale } from '../../server/src/core';
import { buildCoverageMatrix, CoverageMatrix } from '../../server/src/reports';
import { lines, workspaceWith } from '../helpers';

/**
 * A guideline and three standards of its own for the coverage matrix tests, so that they do not move when the
 * bundled data is edited. Items: A (must) with A-1 (must), A-2 (reference), A-3 (must, provisional) and A-4
 * (must); B (must, finance) with B-1 (banking only) and B-2 (insurance only); C (must).
 */
export const matrixGuideline = lines(
  'kijun: guideline',
  'id: matrix-g',
  'title: 対応表テスト指針',
  'sectors:',
  '  - id: finance',
  '    label: 金融',
  '    label-en: Finance',
  '    subsectors:',
  '      - {id: finance.banking, label: 銀行, label-en: Banking}',
  '      - {id: finance.insurance, label: 保険, label-en: Insurance}',
  '  - id: medical',
  '    label: 医療',
  '    label-en: Medical',
  'threats:',
  '  - {id: disaster, label: 災害, direction: received}',
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
  '      - {id: A-3, label: Ⅰ3, title: 補足, title-en: Supplement, obligation: must-consider, level: abstract, provisional: true}',
  '      - {id: A-4, label: Ⅰ4, title: 教育, title-en: Training, obligation: must-consider, level: abstract}',
  '  - id: B',
  '    label: Ⅱ',
  '    title: 金融向け',
  '    title-en: For finance',
  '    obligation: must-consider',
  '    level: abstract',
  '    sectors: [finance]',
  '    items:',
  '      - {id: B-1, label: Ⅱ1, title: 銀行向け, title-en: For banks, obligation: must-consider, level: concrete, sectors: [finance.banking]}',
  '      - {id: B-2, label: Ⅱ2, title: 保険向け, title-en: For insurers, obligation: must-consider, level: concrete, sectors: [finance.insurance]}',
  '  - {id: C, label: Ⅲ, title: 継続, title-en: Continuity, obligation: must-consider, level: abstract}',
);

/** A bank's standard: A complete through its sub-items, B-1, C excluded. */
export const bankStandard = lines(
  'kijun: standard',
  'guideline: matrix-g',
  'id: bank',
  'title: 銀行の基準',
  'sector: 金融',
  'subsector: 銀行',
  'class: 3',
  'clauses:',
  '  - id: S-1',
  '    title: 責任者',
  '    covers: [A-1, A-2]',
  '  - id: S-2',
  '    title: 教育と銀行業務',
  '    covers: [A-4, B-1]',
  'exclusions:',
  '  - {item: C, reason: 対象業務がないため}',
);

/** An insurer's standard: A-1 only; B and C excluded (so B-2 is excluded with B). */
export const insurerStandard = lines(
  'kijun: standard',
  'guideline: matrix-g',
  'id: insurer',
  'title: 保険の基準',
  'sector: 金融',
  'subsector: 保険',
  'class: 3',
  'clauses:',
  '  - id: I-1',
  '    title: 責任者',
  '    covers: [A-1]',
  'exclusions:',
  '  - {item: B, reason: 保険業では規定不要}',
  '  - {item: C, reason: 保険業務には該当しない}',
);

/** A hospital's standard in Markdown: A-1 and C. */
export const hospitalStandard = lines(
  '---',
  'kijun: standard',
  'guideline: matrix-g',
  'id: hospital',
  'title: 病院の基準',
  'sector: 医療',
  'class: 4',
  '---',
  '',
  '## H-1 責任者',
  'covers: A-1',
  '',
  '## H-2 継続計画',
  'covers: C',
);

/** The four documents under the names the tests give them. */
export const matrixFiles: Record<string, string> = {
  'matrix-guideline.yaml': matrixGuideline,
  'bank.yaml': bankStandard,
  'insurer.yaml': insurerStandard,
  'hospital.md': hospitalStandard,
};

/** The fixture as workspace documents. */
export const matrixDocs = [
  { uri: 'file:///ws/matrix-guideline.yaml', text: matrixGuideline },
  { uri: 'file:///ws/bank.yaml', text: bankStandard },
  { uri: 'file:///ws/insurer.yaml', text: insurerStandard },
  { uri: 'file:///ws/hospital.md', text: hospitalStandard },
];

/** The matrix of the fixture (and any other documents), all documents given in this order. */
export function matrixOf(by: CoverageMatrix['by'], locale: Locale = 'en', extra: { uri: string; text: string }[] = [], errors?: Map<string, number>): CoverageMatrix {
  const workspace = workspaceWith(...matrixDocs, ...extra);
  return buildCoverageMatrix(workspace, [...matrixDocs.map((d) => d.uri), ...extra.map((d) => d.uri)], { by, locale, ...(errors ? { errors } : {}) });
}
