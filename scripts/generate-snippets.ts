/**
 * Generates one VS Code snippet per guideline item of every bundled guideline (guidelines/*.yaml):
 * a clause that covers the item, for YAML standards and for Markdown standards.
 *
 *   node out/scripts/generate-snippets.js [rootDir]
 *
 * writes snippets/generated/guideline-items.yaml.json and snippets/generated/guideline-items.markdown.json
 * (build output, not committed). `generateSnippets(rootDir)` returns the same objects without writing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ItemDef, parseDocument, readGuideline, renderText } from '../server/src/core';

/** One entry of a VS Code snippet file. */
export interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** A VS Code snippet file: snippet name → snippet. */
export type SnippetFile = Record<string, Snippet>;

export interface GeneratedSnippets {
  yaml: SnippetFile;
  markdown: SnippetFile;
}

/** Where the generated files go, relative to the package root. */
export const GENERATED_DIR = path.join('snippets', 'generated');
export const GENERATED_FILES = {
  yaml: path.join(GENERATED_DIR, 'guideline-items.yaml.json'),
  markdown: path.join(GENERATED_DIR, 'guideline-items.markdown.json'),
} as const;

/**
 * Escapes text for a snippet body: `\`, `$` and `}` are special inside a placeholder (`${1:…}`);
 * outside one, `\` and `$` are, and an escaped `}` still reads as `}`.
 */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * A YAML scalar for `text`: plain when that reads back as the same string, double-quoted (JSON,
 * which YAML accepts) otherwise. Titles such as `「安全基準等」で規定が望まれる項目` stay plain.
 */
export function yamlScalar(text: string): string {
  const plain = text.length > 0
    && text === text.trim()
    && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text)
    && !/:(?:\s|$)|\s#|[\r\n\t]/.test(text)
    && !/^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

const obligationNames: Record<string, string> = { 'must-consider': '要検討事項', reference: '参考事項' };

function snippetName(guidelineId: string, item: ItemDef): string {
  const title = item.title?.value ?? '';
  return `${guidelineId} ${item.id.value}${title ? ` ${title}` : ''}`;
}

function description(guidelineId: string, item: ItemDef): string {
  const label = item.label?.value ?? item.id.value;
  const title = item.title?.value ?? item.titleEn ?? '';
  const obligation = obligationNames[item.obligation ?? ''] ?? item.obligation ?? '';
  // A provisional item is Kijun's own suggestion: the snippet says so, in the words hover and completion use.
  const provisional = item.provisional ? `, ${renderText('mark.provisional', {}, 'ja')}` : '';
  return `${label} ${title} (${guidelineId}${obligation ? `, ${obligation}` : ''}${provisional})`;
}

function yamlClause(item: ItemDef): string[] {
  const title = item.title?.value ?? item.titleEn ?? item.id.value;
  const threats = item.threats.map((t) => t.value);
  let stop = 2;
  const body = [
    '- id: ${1:S-x}',
    `  title: \${${stop++}:${escapeSnippet(yamlScalar(title))}}`,
    `  covers: [${escapeSnippet(yamlScalar(item.id.value))}]`,
  ];
  if (threats.length > 0) body.push(`  threats: [\${${stop++}:${escapeSnippet(threats.map(yamlScalar).join(', '))}}]`);
  body.push('  text: |', `    \${${stop}:本文を記載する。}`);
  return body;
}

function markdownClause(item: ItemDef): string[] {
  const title = item.title?.value ?? item.titleEn ?? item.id.value;
  const threats = item.threats.map((t) => t.value);
  let stop = 2;
  // A Markdown heading is a clause only when its id contains a digit, so the default id has one.
  const body = [
    `## \${1:S-1} \${${stop++}:${escapeSnippet(title)}}`,
    `covers: ${escapeSnippet(item.id.value)}`,
  ];
  if (threats.length > 0) body.push(`threats: \${${stop++}:${escapeSnippet(threats.join(', '))}}`);
  body.push('', `\${${stop}:本文を記載する。}`);
  return body;
}

/** The guideline documents under `rootDir/guidelines`, in file-name order. */
function readGuidelines(rootDir: string): { file: string; text: string }[] {
  const folder = path.join(rootDir, 'guidelines');
  return fs.readdirSync(folder)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => ({ file: path.join(folder, name), text: fs.readFileSync(path.join(folder, name), 'utf8') }));
}

/** One clause snippet per item of every guideline under `rootDir/guidelines`. */
export function generateSnippets(rootDir: string): GeneratedSnippets {
  const result: GeneratedSnippets = { yaml: {}, markdown: {} };
  for (const { file, text } of readGuidelines(rootDir)) {
    const parsed = parseDocument(text, 'yaml');
    if (parsed.kind !== 'guideline' || !parsed.root) continue;
    const guideline = readGuideline(parsed.root);
    const guidelineId = guideline.id?.value ?? path.basename(file).replace(/\.ya?ml$/i, '');
    for (const item of guideline.items) {
      const prefix = `kijun-clause-${guidelineId}-${item.id.value}`.toLowerCase();
      let name = snippetName(guidelineId, item);
      // Duplicate item ids are a guideline error (reported by the checker); keep both snippets anyway.
      for (let n = 2; name in result.yaml; n++) name = `${snippetName(guidelineId, item)} (${n})`;
      const desc = description(guidelineId, item);
      result.yaml[name] = { prefix, description: desc, body: yamlClause(item) };
      result.markdown[name] = { prefix, description: desc, body: markdownClause(item) };
    }
  }
  return result;
}

/** Generates the snippets and writes them under `rootDir/snippets/generated/`. Returns the files written. */
export function writeSnippets(rootDir: string): string[] {
  const snippets = generateSnippets(rootDir);
  fs.mkdirSync(path.join(rootDir, GENERATED_DIR), { recursive: true });
  const written: string[] = [];
  for (const language of ['yaml', 'markdown'] as const) {
    const target = path.join(rootDir, GENERATED_FILES[language]);
    fs.writeFileSync(target, `${JSON.stringify(snippets[language], null, 2)}\n`, 'utf8');
    written.push(target);
  }
  return written;
}

/** The package root: the first folder at or above `start` that holds guidelines/ and package.json. */
function findRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'guidelines')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

if (require.main === module) {
  const root = process.argv[2] ? path.resolve(process.argv[2]) : findRoot(__dirname) ?? findRoot(process.cwd());
  if (!root) {
    console.error('generate-snippets: no folder with guidelines/ and package.json found; pass the package root as an argument.');
    process.exit(1);
  }
  for (const file of writeSnippets(root)) console.log(`generate-snippets: wrote ${path.relative(process.cwd(), file) || file}`);
}
