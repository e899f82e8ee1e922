import { Catalog } from '../analysis/catalog';
import { diffGuidelines, editionNote } from '../analysis/editions';
import { NormativeField } from '../analysis/fingerprint';
import { ClauseModel, ItemDef, ItemSnapshot, StandardModel } from '../analysis/model';
import { changesSince, currentLinks, recordedFingerprint, recordedLinks, reviewRecordPath, reviewRecordText, snapshotOf, withLink } from '../analysis/review';
import { Workspace } from '../analysis/workspace';
import { fieldList, fieldWords, Locale, renderText, replacementKinds, words } from '../messages';
import { joinLines, Located, normalizeName } from '../text';

/**
 * The editor's side of editions and reviewed links (README, "Editions and reviewed links"): what a hover says
 * about an item of a superseding edition and about a suspect link, and the edit behind "mark reviewed".
 */

/**
 * An item's parts as a hover or a diff shows them, in the reader's language: written title and text on one line,
 * obligation and level in the words of the catalogue, sectors by id (a snapshot keeps the ids only).
 */
export function shownField(snapshot: ItemSnapshot, field: NormativeField, locale: Locale): string {
  switch (field) {
    case 'title':
    case 'text':
      return joinLines(snapshot[field] ?? '') || '—';
    case 'obligation':
      return snapshot.obligation === 'must-consider' || snapshot.obligation === 'reference' ? renderText(`obligation.${snapshot.obligation}`, {}, locale) : snapshot.obligation || '—';
    case 'level':
      return snapshot.level === 'abstract' || snapshot.level === 'concrete' ? renderText(`level.${snapshot.level}`, {}, locale) : snapshot.level || '—';
    case 'sectors':
      return snapshot.sectors === 'all' ? renderText('hover.all-sectors', {}, locale) : snapshot.sectors.join(words['list-separator'][locale]);
  }
}

function changeLines(before: ItemSnapshot, after: ItemSnapshot, fields: NormativeField[], locale: Locale): string[] {
  return fields.map((field) => `- ${renderText('hover.change-line', { field: fieldWords[field], before: shownField(before, field, locale), after: shownField(after, field, locale) }, locale)}`);
}

/** For an item of a guideline that supersedes another: changed (old and new values), replacing, new or unchanged. */
export function editionHoverLines(workspace: Workspace, catalog: Catalog, item: ItemDef, locale: Locale): string[] {
  const previousId = catalog.supersedes;
  const previous = previousId ? workspace.catalog(previousId) : undefined;
  if (!previous || !previousId) return [];
  const note = editionNote(diffGuidelines(previous, catalog), item);
  switch (note.kind) {
    case 'changed': {
      const { before, after, fields } = note.change;
      return ['', renderText('hover.edition-changed', { previous: previousId, fields: fieldList(fields) }, locale),
        ...changeLines(snapshotOf(before, previous), snapshotOf(after, catalog), fields, locale)];
    }
    case 'replaces': {
      const items = note.group.before.map((i) => `\`${i.id.value}\` ${i.label?.value ?? ''} ${i.title?.value ?? ''}`.replace(/ +/g, ' ').trim()).join(', ');
      const provisional = note.group.provisional ? renderText('mark.kijun-reading', {}, locale) : undefined;
      return ['', renderText('hover.edition-replaces', { items, previous: previousId, kind: replacementKinds[note.group.kind], provisional }, locale)];
    }
    case 'new':
      return ['', renderText('hover.edition-new', { previous: previousId }, locale)];
    case 'unchanged':
      return ['', renderText('hover.edition-unchanged', { previous: previousId }, locale)];
  }
}

/** The clause of a standard whose `covers` holds this very entry. */
function clauseOf(standard: StandardModel, reference: Located): ClauseModel | undefined {
  return standard.clauses.find((c) => c.covers.includes(reference));
}

/** For a `covers` entry whose link is suspect: what changed since the clause was reviewed, old and new. */
export function suspectHoverLines(workspace: Workspace, uri: string, reference: Located, locale: Locale): string[] {
  const standard = workspace.model(uri);
  const catalog = workspace.catalogFor(uri);
  const item = catalog?.item(reference.value);
  if (standard?.kind !== 'standard' || !standard.id || !catalog || !item) return [];
  const clause = clauseOf(standard, reference);
  const record = workspace.reviewRecords(standard.id.value)[0]?.model;
  const reviewed = clause?.id && recordedFingerprint(record, clause.id.value, item.id.value);
  const current = catalog.fingerprint(item);
  if (!clause?.id || !reviewed || reviewed === current) return [];
  const snapshot = record?.snapshots.get(reviewed);
  const now = snapshotOf(item, catalog);
  if (!snapshot) {
    return ['', renderText('hover.suspect', { clause: clause.id.value, reviewed, current, fields: words['normative-content'] }, locale), '', renderText('hover.suspect-no-copy', {}, locale)];
  }
  const fields = changesSince(snapshot, catalog, item);
  return ['', renderText('hover.suspect', { clause: clause.id.value, reviewed, current, fields: fields.length ? fieldList(fields) : words['normative-content'] }, locale),
    ...changeLines(snapshot, now, fields, locale)];
}

/** The new text of a standard's review record, and where it goes: the record in use, or a new one beside the standard. */
export interface ReviewRecordEdit {
  /** The record's URI (or path, in the CLI). */
  uri: string;
  /** Whether the record exists already (the edit replaces its text) or is created. */
  exists: boolean;
  text: string;
  /** How many links the record holds. */
  links: number;
}

/**
 * Records the current fingerprints: of every link of the standard (`kijun review --accept`, which also drops the
 * links the standard no longer has), or of one link (the quick fix "mark reviewed", which keeps the others as
 * they are). Undefined for a document that is not a standard with an id and a guideline that resolves.
 */
export function reviewRecordEdit(workspace: Workspace, standardUri: string, only?: { clause: string; item: string }): ReviewRecordEdit | undefined {
  const standard = workspace.model(standardUri);
  const catalog = workspace.catalogFor(standardUri);
  if (standard?.kind !== 'standard' || !standard.id || !catalog) return undefined;
  const record = workspace.reviewRecords(standard.id.value)[0];
  const current = currentLinks(standard, catalog);
  let chosen = current;
  let links = current.map((c) => c.link);
  if (only) {
    chosen = current.filter((c) => normalizeName(c.link.clause) === normalizeName(only.clause) && normalizeName(c.link.item) === normalizeName(only.item));
    if (chosen.length === 0) return undefined;
    links = withLink(recordedLinks(record?.model), chosen[0].link);
  }
  // The items as they are now for the links recorded now; as the record kept them for the links it keeps.
  const snapshots = [...chosen.map((c) => snapshotOf(c.item, catalog)), ...(record ? [...record.model.snapshots.values()] : [])];
  const lineEnds = workspace.text(record?.uri ?? standardUri)?.includes('\r\n') ? '\r\n' : '\n';
  return {
    uri: record?.uri ?? reviewRecordPath(standardUri),
    exists: record !== undefined,
    text: reviewRecordText(standard.id.value, links, snapshots, lineEnds),
    links: links.length,
  };
}
