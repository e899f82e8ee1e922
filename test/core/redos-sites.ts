import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { repoRoot } from '../helpers';

/** One regular expression of the sources: where it is written, and its pattern. */
export interface RegexSite {
  /** The file, relative to the repository root. */
  file: string;
  /** `file:line`. */
  where: string;
  /** The pattern; undefined for a `new RegExp` whose pattern cannot be known from the source. */
  source: string | undefined;
  flags: string;
  /** Built with `new RegExp` (its substitutions filled in with a sample word). */
  dynamic: boolean;
}

export function typeScriptFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? typeScriptFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/**
 * The text of a template string with each substitution replaced by `sample`. The core builds regexes
 * from templates only to insert a key name (`guideline`, `sector`): a word is what they receive.
 */
function templateText(node: ts.Expression, sample: string): string | undefined {
  if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) return node.text;
  if (!ts.isTemplateExpression(node)) return undefined;
  return node.head.text + node.templateSpans.map((span) => sample + span.literal.text).join('');
}

/** Every regex literal and `new RegExp(…)` under `dir`, read with the TypeScript parser (not with a regex). */
export function coreRegexes(dir: string): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const file of typeScriptFiles(dir)) {
    const relative = path.relative(repoRoot, file).split(path.sep).join('/');
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      const where = `${relative}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = (node as ts.RegularExpressionLiteral).text;
        const slash = literal.lastIndexOf('/');
        sites.push({ file: relative, where, source: literal.slice(1, slash), flags: literal.slice(slash + 1), dynamic: false });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        sites.push({
          file: relative,
          where,
          source: pattern && templateText(pattern, 'guideline'),
          flags: flags && ts.isStringLiteral(flags) ? flags.text : '',
          dynamic: true,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

/** Every `pattern` of the JSON Schemas. */
export function schemaPatterns(dir: string): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const walk = (value: unknown, pointer: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${pointer}/${i}`));
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (key === 'pattern' && typeof v === 'string') sites.push({ file: `schemas/${name}`, where: `schemas/${name}#${pointer}`, source: v, flags: 'u', dynamic: false });
          else walk(v, `${pointer}/${key}`);
        }
      }
    };
    walk(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')), '');
  }
  return sites;
}

/** Characters that make regexes over YAML and Markdown lines work hardest, whatever the pattern. */
const USUAL_SUSPECTS = [' ', '\t', '\u3000', 'a', '0', '-', ':', '：', '#', '"', "'", '\\', '[', '{', ',', '、', '.', '~', '`', '_', '\n', '\r', '\r\n', '- ', ': ', 'a ', ', ', 'a:'];
/**
 * What comes before the repeated unit of an anchored pattern: the starts of the lines such patterns look for.
 * A pattern searched for anywhere does the same work behind any prefix.
 */
const PREFIXES = ['a', '- ', '# a', '## S-1 ', '{a', 'guideline: a'];
/** What ends the input: characters that make a match fail only at the very end. */
const TAILS = ['\u0000', '\u2028', ':', ' '];

/** The characters a pattern names literally (escapes such as `\s` left out, `\t` and `\u3000` decoded). */
function literalCharacters(pattern: string): string[] {
  const found = new Set<string>();
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== '\\') {
      found.add(c);
      continue;
    }
    const next = pattern[i + 1];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(pattern.slice(i + 2, i + 6))) {
      found.add(String.fromCharCode(parseInt(pattern.slice(i + 2, i + 6), 16)));
      i += 5;
    } else if (next === 't') {
      found.add('\t');
      i++;
    } else if (next === 'r' || next === 'n') {
      found.add(next === 'r' ? '\r' : '\n');
      i++;
    } else if (next !== undefined && !/[a-zA-Z0-9]/.test(next)) {
      found.add(next);
      i++;
    } else i++;
  }
  return [...found];
}

/** Inputs of about `length` characters: each unit repeated, behind each prefix, before each tail. */
export function adversarialInputs(pattern: string, length: number): string[] {
  const units = [...new Set([...USUAL_SUSPECTS, ...literalCharacters(pattern)])];
  const anchored = pattern.startsWith('^') || pattern.includes('|^');
  const inputs: string[] = [];
  for (const prefix of anchored ? ['', ...PREFIXES] : ['']) {
    for (const unit of units) {
      const body = unit.repeat(Math.ceil(length / unit.length));
      for (const tail of TAILS) inputs.push(prefix + body + tail);
    }
  }
  return inputs;
}
