import { Locale, Severity } from '../core';

/** The `kijun.*` settings, as the server uses them (package.json declares them for VS Code). */
export interface Settings {
  locale: 'auto' | Locale;
  guidelineFolders: string[];
  referenceCoverageSeverity: 'off' | Severity;
  /** Whether provisional guideline items (Kijun's own suggestions) count with their own obligation. */
  provisionalItems: 'advisory' | 'binding';
}

export const defaultSettings: Settings = { locale: 'auto', guidelineFolders: [], referenceCoverageSeverity: 'information', provisionalItems: 'advisory' };

/** Settings as the client sent them, with anything unexpected replaced by the default (a bad value must not break checking). */
export function sanitizeSettings(value: unknown): Settings {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);
  return {
    locale: oneOf(raw.locale, ['auto', 'ja', 'en'] as const, defaultSettings.locale),
    guidelineFolders: Array.isArray(raw.guidelineFolders) ? raw.guidelineFolders.filter((f): f is string => typeof f === 'string' && f !== '') : [],
    referenceCoverageSeverity: oneOf(raw.referenceCoverageSeverity, ['off', 'hint', 'information', 'warning', 'error'] as const, defaultSettings.referenceCoverageSeverity),
    provisionalItems: oneOf(raw.provisionalItems, ['advisory', 'binding'] as const, defaultSettings.provisionalItems),
  };
}
