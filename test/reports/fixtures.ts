import { completeStandard, testGuideline } from '../fixtures';

/**
 * The files of a check run with a bit of everything (as in test/cli/cli.test.ts): a standard of the test
 * guideline with one error (the threat typo, line 14), one coverage warning (item C, reported on `guideline:`
 * at 2:12-2:18, pointing at C's definition, test-guideline.yaml 33:9-33:10) and an excluded reference item;
 * the guideline then has three information findings (A-2 at 31:14, C at 33:9, C-1 at 40:14).
 */
export const flawedStandard = completeStandard(['exclusions:', '  - {item: A-2, reason: 該当なし}'])
  .replace('    covers: [A-1, A-2]', '    covers: [A-1]')
  .replace('covers: [C]', 'covers: []')
  .replace('threats: [intentional]', 'threats: [intentinal]');

export const flawedFiles = { 'test-guideline.yaml': testGuideline.text, 'std.yaml': flawedStandard };
