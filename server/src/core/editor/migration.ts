import { Catalog } from '../analysis/catalog';
import { ItemCoverage, SuspectLink } from '../analysis/coverage';
import { NormativeField } from '../analysis/fingerprint';
import { ItemDef } from '../analysis/model';
import { changesSinceReview } from '../analysis/review';
import { Workspace } from '../analysis/workspace';
import { Finding } from '../findings';
import { Span } from '../text';

/**
 * Moving a standard to a new edition of its guideline (README, "Migrating a standard"): the standard is analysed
 * as if its `guideline:` named the new edition — the very findings the editor shows once the author switches it —
 * and those findings are sorted into a plan of work. Nothing is written here; `migratedText` is the text the
 * plan's rewrites give, for `kijun migrate --write`.
 */

export interface PlannedRewrite {
  span: Span;
  /** The id written now, an item of the superseded edition. */
  from: string;
  /** The items of the new edition that replace it. */
  to: string[];
  /** What the entry becomes; undefined when the author must choose (the shape around it takes no list). */
  newText?: string;
  /** The correspondence is Kijun's reading, not the guideline's. */
  provisional: boolean;
  exclusion: boolean;
}

export interface MigrationPlan {
  uri: string;
  standard: string;
  from: string;
  to: string;
  /** The standard's text with `guideline:` switched to the new edition: the spans below are offsets into it. */
  text: string;
  rewrite: PlannedRewrite[];
  /** Entries naming items the new edition no longer has, and that nothing replaces. */
  remove: { span: Span; item: string; exclusion: boolean }[];
  /** Items the standard neither covers nor excludes under the new edition (the causes, as coverage reports them). */
  address: { item: ItemDef; mustConsider: boolean; provisional: boolean; isNew: boolean }[];
  /** Links reviewed against an item whose content the new edition changed. */
  suspect: { span: Span; clause: string; item: string; fields?: NormativeField[] }[];
  /** `text` with every rewrite that has a `newText` applied. */
  migratedText: string;
}

/** Why a standard is not migrated: it names no guideline, or one the new edition does not supersede (directly or not). */
export type NotMigrated = { uri: string; reason: 'no-guideline' | 'not-superseded'; guideline?: string };

/** The ids of the editions a guideline supersedes, nearest first, each once (a cycle of `supersedes:` ends the chain). */
export function supersededEditions(workspace: Workspace, catalog: Catalog): string[] {
  const chain: string[] = [];
  for (let current: Catalog | undefined = catalog; current?.supersedes && !chain.includes(current.supersedes) && current.supersedes !== catalog.id;) {
    chain.push(current.supersedes);
    current = workspace.catalog(current.supersedes);
  }
  return chain;
}

export function migrationPlan(workspace: Workspace, uri: string, target: Catalog): MigrationPlan | NotMigrated {
  const model = workspace.model(uri);
  const parsed = workspace.parsed(uri);
  if (model?.kind !== 'standard' || !parsed || !model.guideline) return { uri, reason: 'no-guideline' };
  const from = model.guideline.value;
  if (from !== target.id && !supersededEditions(workspace, target).includes(from)) return { uri, reason: 'not-superseded', guideline: from };
  const original = parsed.text;
  const { start, end } = model.guideline.span;
  const text = `${original.slice(0, start)}${target.id}${original.slice(end)}`;
  // The edition the standard comes from: its own guideline, or the one the target supersedes when it follows the target already.
  const previousId = from !== target.id ? from : target.supersedes;
  const previous = previousId ? workspace.catalog(previousId) : undefined;
  try {
    workspace.set(uri, text, parsed.format);
    const switched = workspace.analyze(uri);
    const migratedText = applyRewrites(text, switched.findings);
    // What is left to address is what the rewrites leave uncovered: the coverage of the migrated text.
    if (migratedText !== text) workspace.set(uri, migratedText, parsed.format);
    const migrated = migratedText !== text ? workspace.analyze(uri) : switched;
    return {
      ...sortFindings(switched.findings, migrated.coverage?.items ?? [], switched.coverage?.suspect ?? [], target, previous),
      uri, standard: model.id?.value ?? '', from, to: target.id, text, migratedText,
    };
  } finally {
    workspace.set(uri, original, parsed.format);
  }
}

type Sorted = Pick<MigrationPlan, 'rewrite' | 'remove' | 'address' | 'suspect'>;

function sortFindings(findings: Finding[], coverage: ItemCoverage[], suspect: SuspectLink[], target: Catalog, previous: Catalog | undefined): Sorted {
  const plan: Sorted = { rewrite: [], remove: [], address: [], suspect: [] };
  for (const f of findings) {
    const value = String(f.args.value ?? '');
    switch (f.code) {
      case 'covers.replaced-item':
      case 'exclusion.replaced-item': {
        const replacements = target.replacementsOf(value);
        plan.rewrite.push({
          span: f.span,
          from: value,
          to: replacements.map((r) => r.item.id.value),
          newText: f.replacement?.newText,
          provisional: replacements.some((r) => r.provisional),
          exclusion: f.code === 'exclusion.replaced-item',
        });
        break;
      }
      case 'covers.removed-item':
      case 'exclusion.removed-item':
        plan.remove.push({ span: f.span, item: value, exclusion: f.code === 'exclusion.removed-item' });
        break;
    }
  }
  for (const entry of coverage) {
    if (entry.reported) {
      plan.address.push({
        item: entry.item,
        mustConsider: entry.obligation === 'must-consider',
        provisional: entry.item.provisional,
        isNew: !previous?.item(entry.item.id.value),
      });
    }
  }
  for (const link of suspect) {
    plan.suspect.push({ span: link.reference.span, clause: link.clause.id?.value ?? '', item: link.item.id.value, fields: changesSinceReview(link, target, link.item) });
  }
  return plan;
}

/** The text with the rewrites of the replaced-item findings applied, from the end so that earlier offsets hold. */
function applyRewrites(text: string, findings: Finding[]): string {
  const edits = findings
    .filter((f) => (f.code === 'covers.replaced-item' || f.code === 'exclusion.replaced-item') && f.replacement)
    .map((f) => f.replacement!)
    .sort((a, b) => b.span.start - a.span.start);
  let result = text;
  let limit = Number.MAX_SAFE_INTEGER;
  for (const edit of edits) {
    if (edit.span.end > limit) continue; // overlapping edits cannot both apply; the later one wins
    result = `${result.slice(0, edit.span.start)}${edit.newText}${result.slice(edit.span.end)}`;
    limit = edit.span.start;
  }
  return result;
}
