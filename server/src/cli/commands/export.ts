import * as fs from 'fs';
import * as path from 'path';
import { Bilingual, InterfaceText, Locale, MessageArgs, renderText, Workspace } from '../../core';
import { localeFromEnvironment } from '../../node/bundled';
import { oscalCatalog, oscalComponentDefinition, oscalFileName } from '../../reports';
import { inBothLanguages, oneOf, parseFlags, UsageError } from '../arguments';
import { readInputs } from '../inputs';
import { CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../io';

export interface ExportOptions {
  /** The document to print; undefined with `--output-dir`, which exports every document of the paths. */
  file?: string;
  /** Where else to look for the guideline a standard follows (before the bundled ones). */
  paths: string[];
  outputDir?: string;
  locale: Locale;
}

export function parseExportArguments(args: string[], env: NodeJS.ProcessEnv): ExportOptions | 'help' {
  const parsed = parseFlags(args, { '--oscal': 'switch', '--output-dir': 'value', '--locale': 'value' });
  if (parsed.help) return 'help';
  if (parsed.values.get('--oscal') !== true) throw new UsageError('cli.export-needs-format');
  const outputDir = parsed.values.get('--output-dir');
  const locale = oneOf(parsed, '--locale', ['ja', 'en'] as const, localeFromEnvironment(env), 'cli.bad-locale');
  if (typeof outputDir === 'string') return { paths: parsed.positionals.length ? parsed.positionals : ['.'], outputDir, locale };
  const [file, ...paths] = parsed.positionals;
  if (file === undefined) throw new UsageError('cli.export-needs-file');
  return { file, paths, locale };
}

/** What exporting one document gave: its OSCAL JSON and file name, or why it was not exported. */
type Exported =
  | { kind: 'oscal'; json: string; fileName: string; id: string }
  | { kind: 'not-exported'; reason: Bilingual; failing: boolean };

/**
 * `kijun export --oscal`: a guideline as an OSCAL catalog, a standard as an OSCAL component definition
 * (`reports/oscal.ts`). A document with errors is not exported (exit status 1): its OSCAL would say what the
 * document does not; an action plan has no OSCAL form.
 */
export async function exportOscal(options: ExportOptions, io: CliIo): Promise<number> {
  const named = options.file === undefined ? options.paths : [options.file, ...options.paths];
  const inputs = await readInputs({ paths: named, locale: options.locale, verbose: false }, io.cwd);
  const exportOf = (document: string): Exported => exportDocument(inputs.workspace, document, path.resolve(io.cwd, document), options.locale);

  if (options.file !== undefined) {
    const document = path.relative(io.cwd, path.resolve(io.cwd, options.file)) || '.';
    if (!inputs.documents.includes(document)) {
      const skipped = inputs.skipped.find((s) => s.path === document);
      throw new UsageError('cli.cannot-export', { path: document, reason: skipped?.message ?? inBothLanguages('file.not-kijun', {}) });
    }
    const exported = exportOf(document);
    if (exported.kind === 'oscal') {
      io.stdout(exported.json);
      return EXIT_OK;
    }
    if (!exported.failing) throw new UsageError('cli.cannot-export', { path: document, reason: exported.reason });
    io.stderr(`kijun: ${renderText('export.not-exported', { path: document, reason: exported.reason }, options.locale)}\n`);
    return EXIT_FINDINGS;
  }

  const folder = path.resolve(io.cwd, options.outputDir!);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UsageError('export.unwritable', { path: options.outputDir, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  let status = EXIT_OK;
  const say = (key: InterfaceText, args: MessageArgs): void => io.stderr(`kijun: ${renderText(key, args, options.locale)}\n`);
  for (const s of inputs.skipped) say(s.failing ? 'cli.not-checked' : 'cli.skipped', { path: s.path, reason: s.message });
  if (inputs.skipped.some((s) => s.failing)) status = EXIT_USAGE;
  const written = new Map<string, string>();
  for (const document of [...inputs.documents].sort()) {
    const exported = exportOf(document);
    if (exported.kind === 'not-exported') {
      say('export.not-exported', { path: document, reason: exported.reason });
      if (exported.failing) status = Math.max(status, EXIT_FINDINGS);
      continue;
    }
    const target = path.join(folder, exported.fileName);
    const display = path.relative(io.cwd, target);
    const other = written.get(exported.fileName);
    if (other !== undefined) {
      say('export.not-exported', { path: document, reason: inBothLanguages('export.same-file', { file: display, other, id: exported.id }) });
      status = Math.max(status, EXIT_FINDINGS);
      continue;
    }
    try {
      fs.writeFileSync(target, exported.json);
    } catch (error) {
      throw new UsageError('export.unwritable', { path: display, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    written.set(exported.fileName, document);
    say('export.written', { path: document, file: display });
  }
  return status;
}

function exportDocument(workspace: Workspace, document: string, file: string, locale: Locale): Exported {
  const analysis = workspace.analyze(document);
  const model = analysis.model;
  const parsed = workspace.parsed(document);
  if (!model || !parsed || model.kind === 'action-plan') return { kind: 'not-exported', reason: inBothLanguages('export.plan', {}), failing: false };
  const errors = analysis.findings.filter((f) => f.severity === 'error').length;
  if (errors > 0 || !analysis.catalog || !model.id) return { kind: 'not-exported', reason: inBothLanguages('export.has-errors', { errors, path: document }), failing: true };
  const options = { locale, lastModified: fs.statSync(file).mtime.toISOString() };
  const id = model.id.value;
  if (model.kind === 'standard') {
    return { kind: 'oscal', json: oscalComponentDefinition(model, analysis.catalog, parsed, options), fileName: oscalFileName('standard', id), id };
  }
  const json = oscalCatalog(analysis.catalog, parsed.text, options);
  if (typeof json !== 'string') return { kind: 'not-exported', reason: inBothLanguages('export.too-deep', { depth: json.tooDeep }), failing: true };
  return { kind: 'oscal', json, fileName: oscalFileName('guideline', id), id };
}
