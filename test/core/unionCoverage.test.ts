import * as assert from 'assert';
import { computeCoverage, computeUnionCoverage, CoverageReport, StandardModel, standardScope } from '../../server/src/core';
import { workspaceWith } from '../helpers';
import { bankStandard, matrixDocs } from '../reports/matrixFixtures';

/**
 * The coverage of a sector by its standards together (`computeUnionCoverage`, README "Coverage reports",
 * `kijun coverage --by sector`): the coverage rule with the clauses of every standard an item applies to, and
 * an exclusion only when every such standard excludes the item.
 */
describe('union coverage (a sector\'s standards together)', () => {
  const workspace = workspaceWith(...matrixDocs);
  const catalog = workspace.catalogFor('file:///ws/bank.yaml')!;
  const model = (uri: string): StandardModel => workspace.model(uri) as StandardModel;
  const bank = model('file:///ws/bank.yaml');
  const insurer = model('file:///ws/insurer.yaml');
  const hospital = model('file:///ws/hospital.md');
  const member = (standard: StandardModel) => ({ standard, scope: standardScope(standard, catalog) });
  const statuses = (report: CoverageReport): string[] => report.items.map((i) => {
    const clauses = i.coveredBy.map((c) => c.id?.value).join(',');
    return `${i.item.id.value} ${i.status}${i.children ? ` ${i.children.done}/${i.children.total}` : ''}${clauses ? ` [${clauses}]` : ''}${i.exclusion ? ` (${i.exclusion.reason?.value})` : ''}`;
  });

  it('with one member whose scope is the scope, it is the standard\'s own coverage', () => {
    for (const standard of [bank, insurer, hospital]) {
      const scope = standardScope(standard, catalog);
      assert.deepStrictEqual(computeUnionCoverage([member(standard)], catalog, scope), computeCoverage(standard, catalog, scope));
    }
  });

  it('finance = the bank and the insurer: covered where either covers, excluded where both exclude, each sub-sector\'s items through its own standard', () => {
    const union = computeUnionCoverage([member(bank), member(insurer)], catalog, { sector: 'finance' });
    assert.deepStrictEqual(statuses(union), [
      'A covered 2/2',
      'A-1 covered [S-1,I-1]',
      'A-2 covered [S-1]',
      'A-3 uncovered',
      'A-4 covered [S-2]',
      'B covered 2/2',
      'B-1 covered [S-2]',
      'B-2 excluded (保険業では規定不要)',
      'C excluded (対象業務がないため)',
    ]);
    assert.deepStrictEqual([union.sectorId, union.subsectorId, union.mustConsider, union.reference], [
      'finance', undefined, { total: 5, covered: 3, excluded: 2, uncovered: 0 }, { total: 2, covered: 1, excluded: 0, uncovered: 1 },
    ]);
  });

  it('a clause naming an item outside its own standard\'s scope does not count for the sector', () => {
    // The bank (banking) names B-2, an insurance item: a covers.not-applicable warning in the bank, and no cover in the union.
    const stray = bankStandard.replace('covers: [A-4, B-1]', 'covers: [A-4, B-1, B-2]');
    const ws = workspaceWith(...matrixDocs.map((d) => (d.uri.endsWith('bank.yaml') ? { ...d, text: stray } : d)));
    assert.ok(ws.analyze('file:///ws/bank.yaml').findings.some((f) => f.code === 'covers.not-applicable'));
    const union = ws.unionCoverageOf([ws.model('file:///ws/bank.yaml') as StandardModel, insurer], catalog, { sector: 'finance' });
    assert.deepStrictEqual(statuses(union).filter((s) => s.startsWith('B')), ['B covered 2/2', 'B-1 covered [S-2]', 'B-2 excluded (保険業では規定不要)']);
  });

  it('an item one member excludes and another leaves open is uncovered; with no member, every item of the scope is uncovered', () => {
    const union = computeUnionCoverage([member(bank), member(hospital)], catalog, {});
    assert.deepStrictEqual(statuses(union).filter((s) => s.startsWith('C')), ['C covered [H-2]']);
    const openInsurer = { ...insurer, exclusions: insurer.exclusions.filter((e) => e.item?.value !== 'C') };
    const finance = computeUnionCoverage([member(bank), member(openInsurer)], catalog, { sector: 'finance' });
    assert.deepStrictEqual(statuses(finance).filter((s) => s.startsWith('C')), ['C uncovered']);
    const nobody = computeUnionCoverage([], catalog, { sector: 'medical' });
    assert.deepStrictEqual(statuses(nobody), ['A uncovered 0/2', 'A-1 uncovered', 'A-2 uncovered', 'A-3 uncovered', 'A-4 uncovered', 'C uncovered']);
  });
});
