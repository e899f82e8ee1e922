import { renderText } from '../core';
import { localeFromEnvironment } from '../node/bundled';
import { requestedLocale, UsageError } from './arguments';
import { check, parseCheckArguments } from './commands/check';
import { coverage, parseCoverageArguments } from './commands/coverage';
import { exportOscal, parseExportArguments } from './commands/export';
import { CliIo, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './io';

export type { CliIo } from './io';
export { EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './io';

/**
 * A command of the CLI: it parses its own arguments (a usage error is thrown as `UsageError`) and runs.
 * To add one, write `commands/<name>.ts` and list it here.
 */
interface Command<O> {
  parse(args: string[], env: NodeJS.ProcessEnv): O | 'help';
  run(options: O, io: CliIo): Promise<number>;
}

const commands: Record<string, Command<never>> = {
  check: { parse: parseCheckArguments, run: check } as Command<never>,
  coverage: { parse: parseCoverageArguments, run: coverage } as Command<never>,
  export: { parse: parseExportArguments, run: exportOscal } as Command<never>,
};

export async function run(argv: string[], io: CliIo): Promise<number> {
  const locale = requestedLocale(argv, io.env);
  const usage = renderText('cli.usage', {}, locale);
  const [name, ...rest] = argv;
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout(`${usage}\n`);
    return EXIT_OK;
  }
  const command = name !== undefined ? commands[name] : undefined;
  let options: unknown;
  try {
    if (!command) throw name ? new UsageError('cli.unknown-command', { command: name }) : new UsageError('cli.missing-command');
    options = command.parse(rest, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`kijun: ${renderText(error.key, error.args, locale)}\n\n${usage}\n`);
    return EXIT_USAGE;
  }
  if (options === 'help') {
    io.stdout(`${usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(options as never, io);
  } catch (error) {
    // A path that cannot be checked is found while reading the inputs: reported without the usage text.
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`kijun: ${renderText(error.key, error.args, locale)}\n`);
    return EXIT_USAGE;
  }
}

export function main(argv: string[]): Promise<number> {
  return run(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    terminal: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
    stdoutBytes: (data) => process.stdout.write(data),
    now: () => performance.now(),
  }).catch((error: unknown) => {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    process.stderr.write(`kijun: ${renderText('cli.internal-error', { detail }, localeFromEnvironment())}\n`);
    return EXIT_INTERNAL;
  });
}
