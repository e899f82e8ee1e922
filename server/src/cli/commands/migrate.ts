import * as fs from 'fs';
import * as path from 'path';
import { Locale, MigrationPlan, migrationPlan, NotMigrated, renderText } from '../../core';
import { localeFromEnvironment } from '../../node/bundled';
import { buildMigrationReport, migrationText } from '../../reports';
import { oneOf, parseFlags, UsageError } from '../arguments';
import { readInputs } from '../inputs';
import { CliIo, EXIT_OK, EXIT_USAGE } from '../io';

export interface MigrateOptions {
  /** The id of the new edition: a bundled guideline, or a guideline document among the paths. */
  to: string;
  paths: string[];
  /** Write the migrated standards (their `guideline:` and the entries the plan rewrites). */
  write: boolean;
  format: 'text' | 'json';
  provisional: 'advisory' | 'binding';
  locale: Locale;
}

export function parseMigrateArguments(args: string[], env: NodeJS.ProcessEnv): MigrateOptions | 'help' {
  const parsed = parseFlags(args, { '--to': 'value', '--write': 'switch', '--format': 'value', '--provisional': 'value', '--locale': 'value' });
  if (parsed.help) return 'help';
  const to = parsed.values.get('--to');
  if (typeof to !== 'string') throw new UsageError('migrate.needs-to');
  return {
    to,
    paths: parsed.positionals.length ? parsed.positionals : ['.'],
    write: parsed.values.get('--write') === true,
    format: oneOf(parsed, '--format', ['text', 'json'] as const, 'text', 'cli.bad-migrate-format'),
    provisional: oneOf(parsed, '--provisional', ['advisory', 'binding'] as const, 'advisory', 'cli.bad-provisional'),
    locale: oneOf(parsed, '--locale', ['ja', 'en'] as const, localeFromEnvironment(env), 'cli.bad-locale'),
  };
}

/**
 * `kijun migrate --to NEW [paths…]`: for each standard of the paths whose guideline NEW supersedes (or that
 * follows NEW already), the plan of work of moving it to NEW. Writes nothing unless `--write`, which switches
 * `guideline:` and rewrites the entries whose replacement is known — one of the two commands that write a user's file.
 */
export async function migrate(options: MigrateOptions, io: CliIo): Promise<number> {
  const inputs = await readInputs({ paths: options.paths, locale: options.locale, verbose: false, workspace: { coverage: { provisional: options.provisional } } }, io.cwd);
  const target = inputs.workspace.catalog(options.to);
  if (!target) throw new UsageError('migrate.unknown-guideline', { value: options.to, known: inputs.workspace.guidelineIds().join(', ') });
  for (const s of inputs.skipped) io.stderr(`kijun: ${renderText(s.failing ? 'cli.not-checked' : 'cli.skipped', { path: s.path, reason: s.message }, options.locale)}\n`);
  const plans: MigrationPlan[] = [];
  const notMigrated: NotMigrated[] = [];
  for (const document of inputs.documents.filter((d) => inputs.workspace.model(d)?.kind === 'standard').sort()) {
    const plan = migrationPlan(inputs.workspace, document, target);
    if ('reason' in plan) notMigrated.push(plan);
    else plans.push(plan);
  }
  const report = buildMigrationReport(target.id, plans, notMigrated, options.locale);
  if (options.write) {
    for (const [i, plan] of plans.entries()) {
      if (plan.migratedText === inputs.workspace.text(plan.uri)) continue;
      try {
        fs.writeFileSync(path.resolve(io.cwd, plan.uri), plan.migratedText);
      } catch (error) {
        throw new UsageError('cli.cannot-write', { path: plan.uri, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
      report.standards[i].written = true;
      const rewritten = plan.rewrite.filter((r) => r.newText !== undefined).length;
      io.stderr(`kijun: ${renderText('migrate.written', { path: plan.uri, to: target.id, rewritten }, options.locale)}\n`);
    }
  }
  io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : migrationText(report, options.locale));
  return inputs.skipped.some((s) => s.failing) ? EXIT_USAGE : EXIT_OK;
}
