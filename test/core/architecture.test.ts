import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { messageCodes } from '../../server/src/core';
import { repoRoot } from '../helpers';

/** ARCHITECTURE.md, invariant 1: the core imports only yaml, ajv, markdown-it, the schemas and itself. */
describe('architecture', () => {
  const coreDir = path.join(repoRoot, 'server', 'src', 'core');
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

  it('the core imports nothing but yaml, ajv, markdown-it, the JSON Schemas and itself', () => {
    const offending: string[] = [];
    for (const file of files(coreDir)) {
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
        const target = m[1] ?? m[2] ?? m[3];
        const allowed = target === 'yaml' || target === 'ajv' || target === 'markdown-it'
          || (target.startsWith('.') && (path.resolve(path.dirname(file), target).startsWith(coreDir) || /schemas\/[\w-]+\.schema\.json$/.test(target)));
        if (!allowed) offending.push(`${path.relative(repoRoot, file)}: ${target}`);
      }
      assert.ok(!/\bprocess\.|\brequire\(['"]fs['"]\)/.test(source), `${file} uses process or fs`);
    }
    assert.deepStrictEqual(offending, []);
  });

  it('the report renderers are pure: no file system, process, protocol or editor', () => {
    const offending: string[] = [];
    for (const file of files(path.join(repoRoot, 'server', 'src', 'reports'))) {
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/gm)) {
        if (/^(fs|path|child_process|vscode|vscode-languageserver.*|node:.*)$/.test(m[1])) offending.push(`${path.relative(repoRoot, file)}: ${m[1]}`);
      }
      if (/\bprocess\./.test(source)) offending.push(`${path.relative(repoRoot, file)}: process`);
    }
    assert.deepStrictEqual(offending, []);
  });

  it('the client registers one handler per server notification: a language client keeps only the last one', () => {
    const registrations = files(path.join(repoRoot, 'client', 'src'))
      .flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\bonNotification\(\s*(\w+)/g)].map((m) => m[1]));
    assert.deepStrictEqual(registrations.filter((name, i) => registrations.indexOf(name) !== i), []);
    assert.deepStrictEqual([...registrations].sort(), ['CoverageNotification', 'WorkspaceChangedNotification']);
  });

  it('the server and the client contain no rules: no finding is created outside the core', () => {
    for (const dir of ['server/src/lsp', 'server/src/cli', 'server/src/reports', 'client/src']) {
      for (const file of files(path.join(repoRoot, dir))) {
        assert.ok(!/\bfinding\(/.test(fs.readFileSync(file, 'utf8')), `${file} creates findings`);
      }
    }
  });
});

describe('documentation', () => {
  it('the README lists every finding code', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    assert.deepStrictEqual(messageCodes.filter((code) => !readme.includes(`| \`${code}\` |`)), []);
  });
});
