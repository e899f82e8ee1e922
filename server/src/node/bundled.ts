import * as fs from 'fs';
import * as path from 'path';
import { BundledGuideline, DocumentFormat, SnippetTemplate } from '../core';

/**
 * Finds the package's root folder (the one holding `guidelines/`), whether the code runs from
 * `out/` after `tsc`, from the esbuild bundle in `dist/`, or from an installed `.vsix`.
 */
export function packageRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'guidelines')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Kijun's bundled guidelines were not found above ${start}`);
  }
}

/** Reads the bundled guideline documents (data files shipped with the package). */
export function loadBundledGuidelines(root: string = packageRoot()): BundledGuideline[] {
  const folder = path.join(root, 'guidelines');
  return fs.readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ uri: `bundled:${name}`, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
}

/**
 * Reads the static snippets shipped with the package (`snippets/kijun.yaml.json`,
 * `snippets/kijun.markdown.json`, VS Code's snippet format), which completion offers where they fit.
 * A file that cannot be read gives no snippets and its reason, for the log.
 */
export function loadSnippetTemplates(root: string = packageRoot()): { templates: Record<DocumentFormat, SnippetTemplate[]>; problems: string[] } {
  const templates: Record<DocumentFormat, SnippetTemplate[]> = { yaml: [], markdown: [] };
  const problems: string[] = [];
  for (const format of ['yaml', 'markdown'] as const) {
    const file = path.join(root, 'snippets', `kijun.${format}.json`);
    try {
      const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string | string[]; description?: string; body: string | string[]; isFileTemplate?: boolean }>;
      templates[format] = Object.values(snippets).map((s) => ({
        prefix: ([] as string[]).concat(s.prefix)[0],
        description: s.description ?? '',
        body: ([] as string[]).concat(s.body),
        ...(s.isFileTemplate ? { isFileTemplate: true } : {}),
      }));
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { templates, problems };
}

/** The locale a process should speak by default, from the usual environment variables. */
export function localeFromEnvironment(env: NodeJS.ProcessEnv = process.env): 'ja' | 'en' {
  const value = env.KIJUN_LOCALE || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return value.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Kijun's own version, from the package's `package.json`. */
export function packageVersion(root: string = packageRoot()): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}
