import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { interfaceTextKeys, renderText } from '../../server/src/core';
import { repoRoot } from '../helpers';

/** The interface texts (CLI, quick fixes, lenses, hovers, status bar) come from the catalogue, in both languages. */
describe('interface texts', () => {
  const sample = { command: 'x', flag: '--x', value: 'v', path: 'a.yaml', reason: 'EACCES', detail: 'd', covered: 3, total: 4, excluded: 1, uncovered: 'G-1', files: 2, errors: 1, warnings: 2, information: 3, text: '金融', item: 'G-1', clauses: 2, standards: 1, names: '金融', source: 'seed p1', guideline: 'nisc-2008' };

  it('every text renders in Japanese and in English, differently', () => {
    for (const key of interfaceTextKeys) {
      const ja = renderText(key, sample, 'ja');
      const en = renderText(key, sample, 'en');
      assert.ok(ja && en && ja !== en, key);
    }
  });

  it('no user-facing text is chosen by a locale test outside the catalogue', () => {
    const dirs = ['server/src/lsp', 'server/src/cli', 'server/src/core', 'client/src'];
    const offenders: string[] = [];
    for (const dir of dirs) {
      for (const name of fs.readdirSync(path.join(repoRoot, dir))) {
        if (!name.endsWith('.ts') || name === 'messages.ts') continue;
        const source = fs.readFileSync(path.join(repoRoot, dir, name), 'utf8');
        if (/locale(\(\))? === 'ja' \?/.test(source)) offenders.push(`${dir}/${name}`);
      }
    }
    assert.deepStrictEqual(offenders, []);
  });
});
