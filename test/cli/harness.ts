import { run } from '../../server/src/cli/main';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output; the environment is empty unless given (so the locale is English). */
export async function kijun(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env });
  return { code, stdout, stderr };
}

/** The environment of this process without the variables that choose a locale, with `LANG` as given. */
export function environmentWithLang(lang: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang };
  for (const name of ['KIJUN_LOCALE', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  return env;
}
