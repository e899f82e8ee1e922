/** Where a CLI run reads and writes: the process's streams in `bin/kijun.js`, captured buffers in the tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Exit statuses (README, "The CLI"; `kijun --help`). A higher one wins when several apply. */
export const EXIT_OK = 0;
/** Failing findings: errors, or warnings with `--fail-on warning`. */
export const EXIT_FINDINGS = 1;
/** Bad usage, or a file that was to be checked and could not be read. */
export const EXIT_USAGE = 2;
/** A bug in Kijun: the run threw. */
export const EXIT_INTERNAL = 3;
