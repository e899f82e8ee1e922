import { promises as fs } from 'fs';
import * as path from 'path';
import { renderText } from '../../core';
import { buildCoverageMatrix, CoverageMatrix, csvCoverage, htmlCoverage, markdownCoverage } from '../../reports';
import { noteText } from '../../reports/coverageMatrix';
import { AnalysisOptions, analysisFlags, analysisOptions, oneOf, parseFlags, UsageError } from '../arguments';
import { analyseAll, readInputs } from '../inputs';
import { CliIo, EXIT_OK, EXIT_USAGE } from '../io';
import { monitored, RunMonitor } from '../progress';

const formats = ['md', 'html', 'csv', 'xlsx', 'json'] as const;
type CoverageFormat = (typeof formats)[number];

/** The format an --output file's extension implies, when --format is not given. */
const formatOfExtension: Record<string, CoverageFormat> = {
  '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.csv': 'csv', '.xlsx': 'xlsx', '.json': 'json',
};

export interface CoverageCommandOptions extends AnalysisOptions {
  by: 'standard' | 'sector';
  format: CoverageFormat;
  /** The file to write (relative to the working folder); standard output when absent. */
  output?: string;
}

export function parseCoverageArguments(args: string[], env: NodeJS.ProcessEnv): CoverageCommandOptions | 'help' {
  const parsed = parseFlags(args, { '--by': 'value', '--format': 'value', '--output': 'value', ...analysisFlags });
  if (parsed.help) return 'help';
  const output = parsed.values.get('--output');
  const outputFile = typeof output === 'string' ? output : undefined;
  const implied = outputFile !== undefined ? formatOfExtension[path.extname(outputFile).toLowerCase()] : undefined;
  return {
    ...analysisOptions(parsed, env),
    by: oneOf(parsed, '--by', ['standard', 'sector'] as const, 'standard', 'cli.bad-by'),
    format: oneOf(parsed, '--format', formats, implied ?? 'md', 'cli.bad-coverage-format'),
    ...(outputFile !== undefined ? { output: outputFile } : {}),
  };
}

/**
 * `kijun coverage`: the coverage matrix of the standards under the paths, in one format, to standard output
 * or a file. What was not read, and what the matrix does not show (notes), go to standard error.
 */
export function coverage(options: CoverageCommandOptions, io: CliIo): Promise<number> {
  return monitored(io, options.locale, options.verbose, (monitor) => coverageMonitored(options, io, monitor));
}

async function coverageMonitored(options: CoverageCommandOptions, io: CliIo, monitor: RunMonitor): Promise<number> {
  // Refused before any work: a workbook on a terminal is only noise.
  if (options.format === 'xlsx' && options.output === undefined && io.terminal?.stdout) throw new UsageError('cli.binary-to-terminal');
  monitor.phase('read');
  const inputs = await readInputs({ ...options, workspace: { coverage: { provisional: options.provisional } }, onProgress: monitor.inputs }, io.cwd);
  monitor.phase('analyse');
  const analyses = analyseAll(inputs, monitor);
  const errors = new Map(analyses.map((a) => [a.uri, a.findings.filter((f) => f.severity === 'error').length]));
  const matrix = buildCoverageMatrix(inputs.workspace, inputs.documents, { by: options.by, locale: options.locale, errors });
  monitor.phase('output');
  await write(await render(matrix, options.format), options.output, io);
  for (const s of inputs.skipped) io.stderr(`${renderText(s.failing ? 'cli.not-checked' : 'cli.skipped', { path: s.path, reason: s.message }, options.locale)}\n`);
  for (const note of matrix.notes) io.stderr(`kijun: ${renderText('cli.note', { text: noteText(note, options.locale) }, options.locale)}\n`);
  return inputs.skipped.some((s) => s.failing) ? EXIT_USAGE : EXIT_OK;
}

async function render(matrix: CoverageMatrix, format: CoverageFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'md':
      return markdownCoverage(matrix);
    case 'html':
      return htmlCoverage(matrix);
    case 'csv':
      return csvCoverage(matrix);
    case 'json':
      return `${JSON.stringify(matrix, null, 2)}\n`;
    case 'xlsx': {
      // Loaded here only: exceljs takes a few hundred milliseconds to load.
      const { xlsxCoverage } = await import('../../reports/coverageXlsx.js');
      return xlsxCoverage(matrix);
    }
  }
}

async function write(content: string | Uint8Array, output: string | undefined, io: CliIo): Promise<void> {
  if (output !== undefined) {
    try {
      await fs.writeFile(path.resolve(io.cwd, output), content);
    } catch (error) {
      throw new UsageError('cli.cannot-write', { path: output, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  } else if (typeof content === 'string') {
    io.stdout(content);
  } else {
    if (!io.stdoutBytes) throw new Error('this CLI front end cannot write binary output');
    io.stdoutBytes(content);
  }
}
