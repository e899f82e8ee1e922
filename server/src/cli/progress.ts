import { Locale, renderText } from '../core';
import { CliIo } from './io';

/** The phases of a command's run that --verbose times. */
export type Phase = 'read' | 'analyse' | 'output';

/** A run shows progress once it has taken this long (a short run shows none) … */
export const PROGRESS_AFTER_MS = 250;
/** … and rewrites the progress line at most this often. */
export const PROGRESS_EVERY_MS = 100;
/** ANSI "erase to the end of the line". */
const ERASE_LINE_END = '\u001b[K';

/**
 * What a command shows while it works, and what --verbose adds when it ends. On a terminal (standard error
 * only: standard output holds the report) one progress line, rewritten in place and erased before the output
 * is written; when standard error is not a terminal, nothing. With --verbose, the time each phase took.
 */
export class RunMonitor {
  private readonly now: () => number;
  private readonly started: number;
  private phaseStarted: number;
  private current?: Phase;
  private readonly spent: Record<Phase, number> = { read: 0, analyse: 0, output: 0 };
  private lastShown?: number;
  private showing = false;

  constructor(private readonly io: CliIo, private readonly locale: Locale, private readonly verbose: boolean) {
    this.now = io.now ?? (() => performance.now());
    this.started = this.phaseStarted = this.now();
  }

  /** Ends the current phase and starts the next; the output phase erases the progress line first. */
  phase(next: Phase): void {
    this.endPhase();
    this.current = next;
    if (next === 'output') this.erase();
  }

  /** Progress of reading the inputs: files found while walking the folders, then files read of all found. */
  inputs = (stage: 'walk' | 'read', done: number, total: number): void => {
    if (stage === 'walk') this.show(renderText('cli.progress.walk', { count: done }, this.locale));
    else this.show(renderText('cli.progress.read', { done, total }, this.locale));
  };

  /** Progress of analysing the documents. */
  analysed(done: number, total: number): void {
    this.show(renderText('cli.progress.analyse', { done, total }, this.locale));
  }

  /** Ends the run (also after a failure): erases the progress line and, with --verbose, prints the timing. */
  finish(): void {
    this.endPhase();
    this.current = undefined;
    this.erase();
    if (!this.verbose) return;
    const ms = (value: number): number => Math.round(value);
    this.io.stderr(`kijun: ${renderText('cli.timing', {
      read: ms(this.spent.read), analyse: ms(this.spent.analyse), output: ms(this.spent.output), total: ms(this.now() - this.started),
    }, this.locale)}\n`);
  }

  private endPhase(): void {
    const at = this.now();
    if (this.current) this.spent[this.current] += at - this.phaseStarted;
    this.phaseStarted = at;
  }

  private show(text: string): void {
    if (!this.io.terminal?.stderr) return;
    const at = this.now();
    if (at - this.started < PROGRESS_AFTER_MS) return;
    if (this.lastShown !== undefined && at - this.lastShown < PROGRESS_EVERY_MS) return;
    this.lastShown = at;
    this.showing = true;
    this.io.stderr(`\rkijun: ${text}${ERASE_LINE_END}`);
  }

  private erase(): void {
    if (!this.showing) return;
    this.showing = false;
    this.io.stderr(`\r${ERASE_LINE_END}`);
  }
}

/** Runs a command's work with a monitor, which is finished (the progress line erased, the timing printed) however the work ends. */
export async function monitored<T>(io: CliIo, locale: Locale, verbose: boolean, work: (monitor: RunMonitor) => Promise<T>): Promise<T> {
  const monitor = new RunMonitor(io, locale, verbose);
  try {
    return await work(monitor);
  } finally {
    monitor.finish();
  }
}
