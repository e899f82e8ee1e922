/** Where a CLI run reads and writes: the process's streams in `bin/kijun.js`, captured buffers in the tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * Whether standard output and standard error are terminals: progress is shown on a terminal only, and binary
   * output (XLSX) is never written to one. Absent: neither is, as when both are piped.
   */
  terminal?: { stdout: boolean; stderr: boolean };
  /** Binary output to standard output (an XLSX workbook when no --output is given). */
  stdoutBytes?: (data: Uint8Array) => void;
  /** Milliseconds from some fixed point, for progress and --verbose timings (`performance.now` unless a test fixes it). */
  now?: () => number;
}

/** Exit statuses (README, "The CLI"; `kijun --help`). A higher one wins when several apply. */
export const EXIT_OK = 0;
/** Failing findings: errors, or warnings with `--fail-on warning`. */
export const EXIT_FINDINGS = 1;
/** Bad usage, or a file that was to be checked and could not be read. */
export const EXIT_USAGE = 2;
/** A bug in Kijun: the run threw. */
export const EXIT_INTERNAL = 3;
