import { PLACEHOLDER_REASONS } from '../analysis/checks/standard';
import { Locale, renderText } from '../messages';
import type { Suggestion } from './completion';
import { ItemChoice } from './itemChoices';

/**
 * Snippets offered by completion where they fit, never inside a value: a clause for each guideline
 * item the standard does not cover yet (of any guideline, the workspace's own included) at the start
 * of a new clause, an exclusion for each at the start of a new exclusion, and the static snippets
 * of `snippets/` (the whole-file skeletons in an empty file; the generic clause, exclusion and item
 * at the start of a new entry of their list). The static files are read by the front end and handed
 * over; they also serve editors that read VS Code snippet files themselves.
 */

/** A snippet of the static snippet files (`snippets/kijun.<format>.json`). */
export interface SnippetTemplate {
  prefix: string;
  /** "English / 日本語". */
  description: string;
  body: string[];
  /** A skeleton of a whole document. */
  isFileTemplate?: boolean;
}

/** Where a snippet belongs: an empty file, or the start of a new entry of one of the lists. */
export type SnippetPlace = 'file' | 'clauses' | 'exclusions' | 'items';

/** The list each static entry snippet starts an entry of, by its prefix; skeletons go in an empty file. */
const placeOfPrefix: Record<string, SnippetPlace> = {
  'kijun-clause': 'clauses',
  'kijun-exclusion': 'exclusions',
  'kijun-item': 'items',
};

export function templatePlace(template: SnippetTemplate): SnippetPlace | undefined {
  return template.isFileTemplate ? 'file' : placeOfPrefix[template.prefix];
}

/**
 * Where the snippet goes in the text. `yaml-entry`: after the `- ` of a new list entry, whose keys
 * start at `column`. `heading`: a new Markdown heading line, written with `hashes`, replaced whole.
 * `file`: an empty file.
 */
export type SnippetSite =
  | { kind: 'yaml-entry'; column: number }
  | { kind: 'heading'; hashes: string }
  | { kind: 'file' };

/** The body text a new clause starts with: to be replaced by the author. */
export const PLACEHOLDER_TEXT = '（本文を記載）';

/**
 * Escapes text for a snippet body: `\`, `$` and `}` are special inside a placeholder (`${1:…}`);
 * outside one, `\` and `$` are, and an escaped `}` still reads as `}`.
 */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * A YAML scalar for `text`: plain when that reads back as the same string, double-quoted (JSON,
 * which YAML accepts) otherwise. Titles such as `「安全基準等」で規定が望まれる項目` stay plain.
 */
export function yamlScalar(text: string): string {
  const plain = text.length > 0
    && text === text.trim()
    && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text)
    && !/:(?:\s|$)|\s#|[\r\n\t]|[[\]{},]/.test(text)
    && !/^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

/** One clause snippet per item a new clause could be for (uncovered must-consider items first). */
export function clauseSnippets(open: ItemChoice[], site: SnippetSite, clauseId: string, locale: Locale): Suggestion[] {
  return open.map((choice, i) => {
    const { item } = choice;
    // The clause is written in the guideline's language, whatever the editor's: its title as the guideline has it.
    const title = item.title?.value ?? item.titleEn ?? item.id.value;
    const text = `\${3:${escapeSnippet(PLACEHOLDER_TEXT)}}`;
    const body = site.kind === 'heading'
      ? [`${site.hashes} \${1:${escapeSnippet(clauseId)}} \${2:${escapeSnippet(title)}}`, `covers: ${escapeSnippet(item.id.value)}`, '', text]
      : entryLines(site, [
          `id: \${1:${escapeSnippet(yamlScalar(clauseId))}}`,
          `title: \${2:${escapeSnippet(yamlScalar(title))}}`,
          `covers: [${escapeSnippet(yamlScalar(item.id.value))}]`,
          `text: ${text}`,
        ]);
    return itemSnippet(choice, body, renderText('completion.clause-snippet', { item: item.id.value }, locale), site, i);
  });
}

/** One exclusion snippet per item a new exclusion could be for, with a tab stop on its reason. */
export function exclusionSnippets(open: ItemChoice[], site: SnippetSite, locale: Locale): Suggestion[] {
  return open.map((choice, i) => {
    const body = entryLines(site, [`item: ${escapeSnippet(yamlScalar(choice.item.id.value))}`, `reason: \${1:${escapeSnippet(PLACEHOLDER_REASONS[0])}}`]);
    return itemSnippet(choice, body, renderText('completion.exclusion-snippet', { item: choice.item.id.value }, locale), site, i);
  });
}

function itemSnippet(choice: ItemChoice, body: string[], detail: string, site: SnippetSite, i: number): Suggestion {
  const { item } = choice;
  const words = `${item.id.value} ${item.label?.value ?? ''} ${choice.title}`;
  return {
    label: item.id.value,
    labelDetail: choice.title ? ` ${choice.title}` : undefined,
    labelDescription: choice.facts,
    insertText: body.join('\n'),
    snippet: true,
    kind: 'snippet',
    detail,
    documentation: item.text,
    sortText: `0-${choice.rank}-${String(i).padStart(4, '0')}`,
    filterText: site.kind === 'heading' ? `${site.hashes} ${words}` : words,
  };
}

/** The lines of a list entry's mapping after its `- `: the first where the cursor is, the others at the entry's column. */
function entryLines(site: SnippetSite, lines: string[]): string[] {
  const column = site.kind === 'yaml-entry' ? site.column : 2;
  return lines.map((line, i) => (i === 0 ? line : `${' '.repeat(column)}${line}`));
}

/** The static snippets that belong at `place`, fitted to the site (a list entry's indentation, a heading's level). */
export function templateSuggestions(templates: SnippetTemplate[], place: SnippetPlace, site: SnippetSite, locale: Locale): Suggestion[] {
  return templates.filter((t) => templatePlace(t) === place).map((template, i) => {
    // The files' descriptions are bilingual data, "English / 日本語": the half in the user's language.
    const [en, ja] = template.description.split(' / ');
    const description = { en, ja: ja ?? en }[locale];
    return {
      label: template.prefix,
      labelDescription: description,
      insertText: fitTemplate(template.body, site).join('\n'),
      snippet: true,
      kind: 'snippet',
      detail: description,
      sortText: `1-${String(i).padStart(4, '0')}`,
      filterText: site.kind === 'heading' ? `${site.hashes} ${template.prefix}` : template.prefix,
    };
  });
}

/**
 * A static body at the site: after a list entry's `- ` its own dash goes and the other lines keep
 * their indentation relative to the entry's keys; at a heading, its level is the one typed.
 */
function fitTemplate(body: string[], site: SnippetSite): string[] {
  if (site.kind === 'heading') return body.map((line, i) => (i === 0 ? line.replace(/^#+/, site.hashes) : line));
  if (site.kind === 'file' || !/^- /.test(body[0] ?? '')) return body;
  return body.map((line, i) => {
    if (i === 0) return line.replace(/^- +/, '');
    const indent = /^ */.exec(line)![0].length;
    return `${' '.repeat(Math.max(0, site.column + indent - 2))}${line.slice(indent)}`;
  });
}

/**
 * The text a snippet inserts with every placeholder at its default and the first of every choice,
 * for editors that do not take snippets.
 */
export function snippetDefaults(snippet: string): string {
  let pos = 0;
  const read = (inside: boolean): string => {
    let out = '';
    while (pos < snippet.length) {
      const c = snippet[pos];
      if (c === '\\' && '$}\\,|'.includes(snippet[pos + 1] ?? '')) {
        out += snippet[pos + 1];
        pos += 2;
      } else if (c === '}' && inside) {
        return out;
      } else if (c === '$' && /^\$\d+/.test(snippet.slice(pos))) {
        pos += /^\$\d+/.exec(snippet.slice(pos))![0].length;
      } else if (c === '$' && snippet[pos + 1] === '{') {
        const head = /^\$\{(\d+)([:|}])/.exec(snippet.slice(pos));
        if (!head) {
          out += c;
          pos++;
          continue;
        }
        pos += head[0].length;
        if (head[2] === ':') {
          out += read(true);
          pos++; // the closing brace
        } else if (head[2] === '|') {
          const end = snippet.indexOf('|}', pos);
          out += snippet.slice(pos, end < 0 ? snippet.length : end).split(',')[0];
          pos = end < 0 ? snippet.length : end + 2;
        }
      } else {
        out += c;
        pos++;
      }
    }
    return out;
  };
  return read(false);
}
