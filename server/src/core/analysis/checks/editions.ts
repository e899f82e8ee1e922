import { Catalog } from '../catalog';
import { finding, Finding, Replacement } from '../../findings';
import { Bilingual, fieldList, words } from '../../messages';
import { ParsedDocument } from '../../parsing/parse';
import { changesSinceReview } from '../review';
import { closest, Located } from '../../text';
import { ItemDef } from '../model';
import { GuidelineRule, StandardRule, WorkspaceView } from './context';
import { itemTitle } from './standard';

/**
 * Rules about editions (README, "Editions" and "Reviewed links"): a standard's references to items that the
 * guideline's edition replaced or removed, its suspect links, and a guideline's own `supersedes:` and `replaces:`.
 */

/**
 * For a `covers` entry or an exclusion naming no item of the standard's guideline: when the guideline replaces
 * that id (`replaces:`), a finding that names the replacements, with a fix that writes them; when the superseded
 * edition had the item and nothing replaces it, a finding that says it was removed. Undefined otherwise (the
 * entry is then simply unknown).
 */
export function editionReference(kind: 'covers' | 'exclusion', reference: Located, catalog: Catalog, workspace: WorkspaceView, parsed: ParsedDocument): Finding | undefined {
  const previousId = catalog.supersedes;
  const previous = previousId ? workspace.catalog(previousId) : undefined;
  const replacements = catalog.replacementsOf(reference.value);
  if (replacements.length > 0) {
    const ids = replacements.map((r) => r.item.id.value);
    const whole = kind === 'covers' ? writtenInPlace(parsed, reference, ids) : ids.length === 1 ? ids[0] : undefined;
    // Each replacement on its own is offered too when there are several: the author may know which one the clause is about.
    const each: Replacement[] = ids.length > 1 ? ids.map((id) => ({ span: reference.span, newText: id })) : [];
    return finding(kind === 'covers' ? 'covers.replaced-item' : 'exclusion.replaced-item', 'error', reference.span, {
      value: reference.value,
      previous: previousId ?? words['superseded-edition'],
      guideline: catalog.id,
      replacements: namedItems(replacements.map((r) => r.item)),
      count: ids.length,
      provisional: replacements.some((r) => r.provisional) ? 'yes' : undefined,
    }, {
      ...(whole !== undefined ? { replacement: { span: reference.span, newText: whole } } : {}),
      ...(each.length ? { alternatives: each } : {}),
    });
  }
  const old = previous?.item(reference.value);
  if (!old || !previousId) return undefined;
  return finding(kind === 'covers' ? 'covers.removed-item' : 'exclusion.removed-item', 'error', reference.span, {
    value: old.id.value,
    title: itemTitle(old),
    previous: previousId,
    guideline: catalog.id,
  });
}

/** Items as messages name them: id, label and title (`Z-3-a Ⅲ1 "Classification"`, 「Z-3-a Ⅲ1「情報の分類」」). */
function namedItems(items: ItemDef[]): Bilingual {
  const named = (item: ItemDef, locale: 'en' | 'ja'): string => {
    const title = itemTitle(item)[locale];
    const head = `${item.id.value} ${item.label?.value ?? ''}`.trim();
    return locale === 'en' ? `${head} "${title}"` : `${head}「${title}」`;
  };
  return { en: items.map((i) => named(i, 'en')).join(', '), ja: items.map((i) => named(i, 'ja')).join('、') };
}

/**
 * The replacing ids written where one id stood: in a flow list or a Markdown `covers:` line separated by
 * commas, as a flow list for a lone YAML value, as further entries of a block list. Undefined where the
 * shape is not one of these (the author then picks from the single replacements).
 */
function writtenInPlace(parsed: ParsedDocument, reference: Located, ids: string[]): string | undefined {
  if (ids.length === 1) return ids[0];
  const text = parsed.text;
  const start = reference.span.start;
  if (parsed.markdownClauses.some((c) => c.section.start <= start && reference.span.end <= c.section.end)) return ids.join(', ');
  const before = text.slice(Math.max(0, start - 200), start).trimEnd().slice(-1);
  if (before === '[' || before === ',') return ids.join(', ');
  if (before === ':') return `[${ids.join(', ')}]`;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const prefix = text.slice(lineStart, start);
  if (/^[ \t]*-[ \t]+$/.test(prefix)) return ids.join(`${text.includes('\r\n') ? '\r\n' : '\n'}${prefix}`);
  return undefined;
}

/** `coverage.suspect`: on each `covers` entry whose link is suspect, what changed and the fix that marks it reviewed. */
export const suspectLinks: StandardRule = {
  name: 'suspect links',
  check({ catalog, coverage: report }) {
    if (!report || !catalog) return [];
    return (report.suspect ?? []).map((link) => {
      const fields = changesSinceReview(link, catalog, link.item);
      return finding('coverage.suspect', 'warning', link.reference.span, {
        clause: link.clause.id?.value ?? '',
        item: link.item.id.value,
        label: link.item.label?.value ?? '',
        title: itemTitle(link.item),
        changes: fields && fields.length ? fieldList(fields) : words['normative-content'],
        reviewed: link.reviewed,
        current: catalog.fingerprint(link.item),
      }, {
        itemId: link.item.id.value,
        related: [{ uri: catalog.uri, span: link.item.id.span, caption: { key: 'related.item-definition', args: { item: link.item.id.value, guideline: catalog.id } } }],
      });
    });
  },
};

/** A guideline's `supersedes:` must name a known guideline, and its items' `replaces:` items of that one. */
export const editionReferences: GuidelineRule = {
  name: 'supersedes and replaces',
  check({ model, catalog, workspace }) {
    if (!catalog) return [];
    const findings: Finding[] = [];
    const previousId = catalog.supersedes;
    const previous = previousId ? workspace.catalog(previousId) : undefined;
    if (model.supersedes && previousId && !previous) {
      findings.push(finding('edition.supersedes-unknown', 'warning', model.supersedes.span, {
        value: previousId,
        known: workspace.guidelineIds().filter((id) => id !== catalog.id).join(', '),
      }));
    }
    for (const item of catalog.uniqueItems) {
      if (item.replaces.length === 0) continue;
      if (!previousId) {
        findings.push(finding('edition.replaces-without-supersedes', 'warning', item.replaces[0].id.span, { item: item.id.value }));
        continue;
      }
      if (!previous) continue;
      for (const replaced of item.replaces) {
        if (previous.item(replaced.id.value)) continue;
        const suggestion = closest(replaced.id.value, previous.uniqueItems, (i) => [i.id.value])?.id.value;
        findings.push(finding('edition.replaces-unknown', 'warning', replaced.id.span, { value: replaced.id.value, previous: previousId, suggestion },
          suggestion ? { replacement: { span: replaced.id.span, newText: suggestion } } : {}));
      }
    }
    return findings;
  },
};
