import { Bilingual, InterfaceText, Locale, MessageArgs, renderText } from '../core';
import { localeFromEnvironment } from '../node/bundled';

/** A usage mistake, reported with a catalogue text (so in the user's language). */
export class UsageError extends Error {
  constructor(readonly key: InterfaceText, readonly args: MessageArgs = {}) {
    super(key);
  }
}

/** The locale for messages, read before the arguments are validated (a usage error needs it too). */
export function requestedLocale(argv: string[], env: NodeJS.ProcessEnv): Locale {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--locale' ? argv[i + 1] : argv[i].startsWith('--locale=') ? argv[i].slice(9) : undefined;
    if (value === 'ja' || value === 'en') return value;
  }
  return localeFromEnvironment(env);
}

/** What a command's arguments say: option values by flag (`true` for switches), the other arguments, and whether help was asked. */
export interface ParsedArguments {
  values: Map<string, string | true>;
  positionals: string[];
  help: boolean;
}

/**
 * Reads `--flag value`, `--flag=value` and switches, as `spec` declares them; an unknown option or a missing
 * value is a usage error. Commands check the values themselves (their allowed sets differ).
 */
export function parseFlags(args: string[], spec: Record<string, 'value' | 'switch'>): ParsedArguments {
  const parsed: ParsedArguments = { values: new Map(), positionals: [], help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '-h' || flag === '--help') parsed.help = true;
    else if (spec[flag] === 'switch') parsed.values.set(flag, true);
    else if (spec[flag] === 'value') {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError('cli.needs-value', { flag });
      parsed.values.set(flag, value);
    } else if (flag.startsWith('-')) throw new UsageError('cli.unknown-option', { flag });
    else parsed.positionals.push(arg);
  }
  return parsed;
}

/** The value of an option that must be one of `allowed`, or `fallback` when it is not given. */
export function oneOf<T extends string>(parsed: ParsedArguments, flag: string, allowed: readonly T[], fallback: T, error: InterfaceText): T {
  const value = parsed.values.get(flag);
  if (value === undefined || value === true) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(error, { value });
  return value as T;
}

/** A catalogue text in both languages, for a reason that a message in either language quotes. */
export function inBothLanguages(key: InterfaceText, args: MessageArgs = {}): Bilingual {
  return { en: renderText(key, args, 'en'), ja: renderText(key, args, 'ja') };
}

/** The options every analysing command shares: paths, `--provisional`, `--locale`, `--verbose`. */
export interface AnalysisOptions {
  paths: string[];
  locale: Locale;
  /** Whether provisional guideline items (Kijun's own suggestions) count with their own obligation. */
  provisional: 'advisory' | 'binding';
  verbose: boolean;
}

/** The flags of `AnalysisOptions`, for a command's `parseFlags` spec. */
export const analysisFlags = { '--provisional': 'value', '--locale': 'value', '--verbose': 'switch' } as const;

export function analysisOptions(parsed: ParsedArguments, env: NodeJS.ProcessEnv): AnalysisOptions {
  return {
    paths: parsed.positionals.length ? parsed.positionals : ['.'],
    provisional: oneOf(parsed, '--provisional', ['advisory', 'binding'] as const, 'advisory', 'cli.bad-provisional'),
    locale: oneOf(parsed, '--locale', ['ja', 'en'] as const, localeFromEnvironment(env), 'cli.bad-locale'),
    verbose: parsed.values.get('--verbose') === true,
  };
}
