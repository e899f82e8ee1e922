import * as fs from 'fs';
import * as path from 'path';
import { Catalog, diffGuidelines, Locale } from '../../core';
import { localeFromEnvironment } from '../../node/bundled';
import { buildDiffReport, diffMarkdown, diffText } from '../../reports';
import { oneOf, parseFlags, UsageError } from '../arguments';
import { readInputs } from '../inputs';
import { CliIo, EXIT_OK } from '../io';

const formats = ['text', 'md', 'json'] as const;

export interface DiffOptions {
  /** The older and the newer edition: each a guideline file, or the id of a bundled guideline (or of a file given as the other). */
  before: string;
  after: string;
  format: (typeof formats)[number];
  locale: Locale;
}

export function parseDiffArguments(args: string[], env: NodeJS.ProcessEnv): DiffOptions | 'help' {
  const parsed = parseFlags(args, { '--format': 'value', '--locale': 'value' });
  if (parsed.help) return 'help';
  if (parsed.positionals.length !== 2) throw new UsageError('diff.needs-two');
  return {
    before: parsed.positionals[0],
    after: parsed.positionals[1],
    format: oneOf(parsed, '--format', formats, 'text', 'cli.bad-diff-format'),
    locale: oneOf(parsed, '--locale', ['ja', 'en'] as const, localeFromEnvironment(env), 'cli.bad-locale'),
  };
}

/** `kijun diff OLD NEW`: the items added, removed, replaced and changed from one edition to the other. Writes nothing. */
export async function diff(options: DiffOptions, io: CliIo): Promise<number> {
  const files = [options.before, options.after].filter((name) => fs.existsSync(path.resolve(io.cwd, name)));
  const inputs = await readInputs({ paths: files, locale: options.locale, verbose: false }, io.cwd);
  // A file is that very document (two versions of one guideline share an id); anything else is an id.
  const resolve = (name: string): Catalog => {
    const file = path.resolve(io.cwd, name);
    if (fs.existsSync(file)) {
      const document = path.relative(io.cwd, file) || '.';
      const catalog = inputs.workspace.model(document)?.kind === 'guideline' ? inputs.workspace.catalogFor(document) : undefined;
      if (!catalog) throw new UsageError('diff.not-a-guideline', { value: name });
      return catalog;
    }
    const catalog = inputs.workspace.catalog(name);
    if (!catalog) throw new UsageError('diff.unknown-guideline', { value: name, known: inputs.workspace.guidelineIds().join(', ') });
    return catalog;
  };
  const report = buildDiffReport(diffGuidelines(resolve(options.before), resolve(options.after)), options.locale);
  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : options.format === 'md' ? diffMarkdown(report, options.locale) : diffText(report, options.locale));
  return EXIT_OK;
}
