import { CliIo, run } from '../../server/src/cli/main';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** What --verbose prints last with the harness's clock, which stands still (every phase takes 0 ms). */
export const VERBOSE_TIMING = 'kijun: timing: reading 0 ms, checking 0 ms, output 0 ms; total 0 ms\n';

/**
 * Runs the CLI in-process with captured output; the environment is empty unless given (so the locale is
 * English), the streams are not terminals and the clock stands still, unless `io` says otherwise.
 */
export async function kijun(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}, io: Partial<CliIo> = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env, now: () => 0, ...io });
  return { code, stdout, stderr };
}

/** The environment of this process without the variables that choose a locale, with `LANG` as given. */
export function environmentWithLang(lang: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang };
  for (const name of ['KIJUN_LOCALE', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  return env;
}
