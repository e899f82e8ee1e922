import {
  Catalog, ClauseModel, CoverageReport, ExclusionModel, InterfaceText, ItemCoverage, ItemDef, itemTitle, LineIndex, Locale, renderText, SectorDef, Span,
  StandardModel, standardSector, Tally, Workspace,
} from '../core';

/**
 * The coverage matrix (README "Coverage reports"): guideline items (rows, in the guideline's order) ×
 * standards, or × sectors (columns). Built once from the workspace's coverage data, the same the editor
 * shows, and rendered by every format (Markdown, HTML, CSV, XLSX, JSON), the CLI's `kijun coverage` and
 * the editor's coverage tree. Plain data: it serialises as the JSON format.
 */

/** A cell's state: the coverage states, and not applicable (the item does not apply to the column's sector). */
export type CellState = 'covered' | 'partial' | 'excluded' | 'uncovered' | 'not-applicable';
export const cellStates: readonly CellState[] = ['covered', 'partial', 'excluded', 'uncovered', 'not-applicable'];
export type StateCounts = Record<CellState, number>;

/** Where something stands in a document, 1-based like the CLI's findings. */
export interface MatrixLocation {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface MatrixClause {
  /** The id of the standard the clause belongs to. */
  standard: string;
  id: string;
  title: string;
  location?: MatrixLocation;
}

export interface MatrixExclusion {
  standard: string;
  reason: string;
  /** The excluded ancestor, when the item is excluded with an ancestor of it. */
  via?: string;
  location?: MatrixLocation;
}

export interface MatrixCell {
  state: CellState;
  /** The clauses that name the item (none for an item covered through its sub-items). */
  clauses: MatrixClause[];
  /** For an item with deciding sub-items: how many are covered or excluded, of how many. */
  children?: { done: number; total: number };
  /** The exclusions that make the item excluded (one per standard of a sector's column). */
  exclusions: MatrixExclusion[];
}

export interface MatrixStandard {
  id: string;
  title: string;
  path: string;
  /** The standard's guideline reference, where its coverage findings stand. */
  location?: MatrixLocation;
}

export interface MatrixColumn {
  kind: 'standard' | 'sector';
  /** Unique within the matrix: the standard's path, or the sector's id. */
  key: string;
  /** The standard's id, or the sector's label. */
  heading: string;
  /** The standard's title, or the sector's label. */
  title: string;
  /** The standard itself, or the standards of the sector (none: no standard of the sector among the inputs). */
  standards: MatrixStandard[];
  /** The counted items (as in the CLI's summary): leaves and items a clause covers directly. */
  mustConsider: Tally;
  reference: Tally;
  /** How many rows are in each state. */
  totals: StateCounts;
}

export interface MatrixRow {
  id: string;
  label: string;
  title: string;
  /** The obligation the guideline gives the item (`must-consider`, `reference`; empty when it gives none). */
  obligation: string;
  level: string;
  /** Kijun's own suggestion, not the guideline's: marked in every report. */
  provisional: boolean;
  unconfirmed: boolean;
  parent?: string;
  /** Nesting depth under the guideline's top-level items (0 for those). */
  depth: number;
  /** The item's id in its guideline. */
  location?: MatrixLocation;
  cells: MatrixCell[];
  /** How many cells are in each state. */
  totals: StateCounts;
  /**
   * The row at a glance, over the columns the item applies to: covered (or excluded) in all of them,
   * uncovered in all, partial otherwise; not applicable when it applies to none.
   */
  summary: { state: CellState; done: number; applicable: number };
}

export interface GuidelineMatrix {
  id: string;
  title: string;
  /** Where the guideline comes from: a workspace document, or a bundled guideline. */
  path: string;
  bundled: boolean;
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

/** Something the matrix does not show and says instead: nothing is left out in silence. */
export type MatrixNote =
  | { kind: 'guideline-unknown'; path: string; guideline?: string }
  | { kind: 'sector-unknown'; path: string; guideline: string }
  | { kind: 'errors'; path: string; errors: number };

export interface CoverageMatrix {
  by: 'standard' | 'sector';
  locale: Locale;
  guidelines: GuidelineMatrix[];
  notes: MatrixNote[];
}

export interface MatrixOptions {
  by: 'standard' | 'sector';
  locale: Locale;
  /** Error counts by document (from a check of the same inputs): a standard with errors gets a note. */
  errors?: ReadonlyMap<string, number>;
}

interface StandardEntry {
  uri: string;
  model: StandardModel;
}

/**
 * The matrix of the standards among `uris` (other documents are ignored), one table per guideline they
 * follow, in the order the standards come. By standard, each column is one standard's coverage; by sector,
 * each sector of the guideline is a column holding the union coverage of its standards (`Workspace.unionCoverageOf`).
 */
export function buildCoverageMatrix(workspace: Workspace, uris: readonly string[], options: MatrixOptions): CoverageMatrix {
  const notes: MatrixNote[] = [];
  const byGuideline = new Map<Catalog, StandardEntry[]>();
  for (const uri of uris) {
    const model = workspace.model(uri);
    if (model?.kind !== 'standard') continue;
    const catalog = workspace.catalogFor(uri);
    const errors = options.errors?.get(uri) ?? 0;
    if (errors > 0) notes.push({ kind: 'errors', path: uri, errors });
    if (!catalog) {
      notes.push({ kind: 'guideline-unknown', path: uri, ...(model.guideline ? { guideline: model.guideline.value } : {}) });
      continue;
    }
    const entries = byGuideline.get(catalog) ?? [];
    entries.push({ uri, model });
    byGuideline.set(catalog, entries);
  }
  const guidelines = [...byGuideline].map(([catalog, standards]) => {
    const builder = new MatrixBuilder(workspace, catalog, options.locale);
    const columns = options.by === 'sector' ? builder.sectorColumns(standards, notes) : standards.map((s) => builder.standardColumn(s));
    return builder.matrix(columns);
  });
  return { by: options.by, locale: options.locale, guidelines, notes };
}

interface ColumnData {
  column: Omit<MatrixColumn, 'totals'>;
  cells: Map<ItemDef, MatrixCell>;
}

/** Builds the columns and rows of one guideline's matrix. */
class MatrixBuilder {
  constructor(private readonly workspace: Workspace, private readonly catalog: Catalog, private readonly locale: Locale) {}

  standardColumn({ uri, model }: StandardEntry): ColumnData {
    const standard = this.standardOf(uri, model);
    const report = this.workspace.coverageOf(model, this.catalog);
    const cells = new Map<ItemDef, MatrixCell>();
    for (const entry of report.items) {
      cells.set(entry.item, this.cell(entry, () => standard, entry.exclusion ? [this.exclusion(standard, uri, entry.item, entry.exclusion)] : []));
    }
    return { column: { kind: 'standard', key: uri, heading: standard.id, title: standard.title, standards: [standard], ...tallies(report) }, cells };
  }

  /** One column per sector of the guideline; a standard whose sector does not resolve is in none, and said so. */
  sectorColumns(standards: StandardEntry[], notes: MatrixNote[]): ColumnData[] {
    const bySector = new Map<SectorDef, StandardEntry[]>();
    for (const entry of standards) {
      const sector = standardSector(entry.model, this.catalog);
      if (!sector) {
        notes.push({ kind: 'sector-unknown', path: entry.uri, guideline: this.catalog.id });
        continue;
      }
      const members = bySector.get(sector) ?? [];
      members.push(entry);
      bySector.set(sector, members);
    }
    return this.catalog.sectors.map((sector) => this.sectorColumn(sector, bySector.get(sector) ?? []));
  }

  private sectorColumn(sector: SectorDef, members: StandardEntry[]): ColumnData {
    const standards = members.map((m) => this.standardOf(m.uri, m.model));
    const standardOfClause = new Map<ClauseModel, MatrixStandard>();
    members.forEach((m, i) => { for (const clause of m.model.clauses) standardOfClause.set(clause, standards[i]); });
    // Each member's own coverage gives the reasons of an item every member excludes.
    const memberReports = members.map((m) => new Map(this.workspace.coverageOf(m.model, this.catalog).items.map((e) => [e.item, e])));
    const union = this.workspace.unionCoverageOf(members.map((m) => m.model), this.catalog, { sector: sector.id.value });
    const cells = new Map<ItemDef, MatrixCell>();
    for (const entry of union.items) {
      const exclusions = entry.status !== 'excluded' ? [] : memberReports.flatMap((report, i) => {
        const own = report.get(entry.item);
        return own?.status === 'excluded' && own.exclusion ? [this.exclusion(standards[i], members[i].uri, entry.item, own.exclusion)] : [];
      });
      cells.set(entry.item, this.cell(entry, (clause) => standardOfClause.get(clause)!, exclusions));
    }
    const label = { ja: sector.label.value, en: sector.labelEn ?? sector.label.value }[this.locale];
    return { column: { kind: 'sector', key: sector.id.value, heading: label, title: label, standards, ...tallies(union) }, cells };
  }

  matrix(columns: ColumnData[]): GuidelineMatrix {
    const depths = new Map<ItemDef, number>();
    const rows = this.catalog.uniqueItems.map((item) => {
      const cells = columns.map((c) => c.cells.get(item) ?? { state: 'not-applicable' as const, clauses: [], exclusions: [] });
      const title = itemTitle(item);
      return {
        id: item.id.value,
        label: item.label?.value ?? '',
        title: title[this.locale],
        obligation: item.obligation ?? '',
        level: item.level ?? '',
        provisional: item.provisional,
        unconfirmed: item.unconfirmed,
        ...(this.catalog.parentOf(item) ? { parent: this.catalog.parentOf(item)!.id.value } : {}),
        depth: this.catalog.memoisedUp(item, depths, -1, (_, parentDepth) => parentDepth + 1),
        ...this.locationOf(this.catalog.uri, item.id.span),
        cells,
        totals: countStates(cells.map((c) => c.state)),
        summary: rowSummary(cells),
      };
    });
    return {
      id: this.catalog.id,
      title: this.catalog.title,
      path: this.catalog.uri,
      bundled: this.catalog.bundled,
      columns: columns.map((c, i) => ({ ...c.column, totals: countStates(rows.map((r) => r.cells[i].state)) })),
      rows,
    };
  }

  private cell(entry: ItemCoverage, standardOf: (clause: ClauseModel) => MatrixStandard, exclusions: MatrixExclusion[]): MatrixCell {
    return {
      state: entry.status,
      clauses: entry.coveredBy.map((clause) => {
        const standard = standardOf(clause);
        return {
          standard: standard.id,
          id: clause.id?.value ?? '',
          title: clause.title?.value ?? '',
          ...this.locationOf(standard.path, clause.id?.span ?? clause.span),
        };
      }),
      ...(entry.children ? { children: entry.children } : {}),
      exclusions,
    };
  }

  private exclusion(standard: MatrixStandard, uri: string, item: ItemDef, exclusion: ExclusionModel): MatrixExclusion {
    const excluded = exclusion.item && this.catalog.item(exclusion.item.value);
    return {
      standard: standard.id,
      reason: exclusion.reason?.value ?? '',
      ...(excluded && excluded !== this.catalog.canonical(item) ? { via: excluded.id.value } : {}),
      ...this.locationOf(uri, exclusion.span),
    };
  }

  private standardOf(uri: string, model: StandardModel): MatrixStandard {
    const id = model.id?.value ?? uri;
    return { id, title: model.title?.value ?? id, path: uri, ...this.locationOf(uri, model.anchor) };
  }

  private locationOf(uri: string, span: Span): { location?: MatrixLocation } {
    const lines: LineIndex | undefined = this.workspace.lines(uri);
    if (!lines) return {};
    const start = lines.positionAt(span.start);
    const end = lines.positionAt(span.end);
    return { location: { path: uri, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 } };
  }
}

function tallies(report: CoverageReport): { mustConsider: Tally; reference: Tally } {
  return { mustConsider: report.mustConsider, reference: report.reference };
}

function countStates(states: CellState[]): StateCounts {
  const counts: StateCounts = { covered: 0, partial: 0, excluded: 0, uncovered: 0, 'not-applicable': 0 };
  for (const state of states) counts[state]++;
  return counts;
}

function rowSummary(cells: MatrixCell[]): MatrixRow['summary'] {
  const applicable = cells.filter((c) => c.state !== 'not-applicable');
  const done = applicable.filter((c) => c.state === 'covered' || c.state === 'excluded').length;
  let state: CellState;
  if (applicable.length === 0) state = 'not-applicable';
  else if (applicable.every((c) => c.state === 'excluded')) state = 'excluded';
  else if (done === applicable.length) state = 'covered';
  else if (applicable.every((c) => c.state === 'uncovered')) state = 'uncovered';
  else state = 'partial';
  return { state, done, applicable: applicable.length };
}

// --- Words shared by the renderers -----------------------------------------------------------------

/** The symbol of each state: states read without colour (colour-blind readers, print in black and white). */
export const stateSymbols: Record<CellState, string> = {
  covered: '✔',
  partial: '◐',
  excluded: '⊘',
  uncovered: '✘',
  'not-applicable': '–',
};

/**
 * The colours of each state, from the Okabe–Ito palette (blue for covered, vermillion for uncovered, yellow for
 * partial, grey for excluded), which readers with any common colour-vision deficiency tell apart; the symbol and
 * the word say the state as well. Light backgrounds with dark text, for print too.
 */
export const stateColours: Record<CellState, { background: string; text: string }> = {
  covered: { background: '#DCEBF7', text: '#00467A' },
  partial: { background: '#FCF2C0', text: '#6B5200' },
  excluded: { background: '#E6E6E6', text: '#404040' },
  uncovered: { background: '#F8D5C2', text: '#8F2D00' },
  'not-applicable': { background: '#FFFFFF', text: '#6E6E6E' },
};

export function stateWord(state: CellState, locale: Locale): string {
  return renderText(`status.${state}`, {}, locale);
}

/** What a cell says besides its state: the covering clauses, n of m sub-items, the exclusions' reasons. */
export function cellDetail(cell: MatrixCell, locale: Locale, by: CoverageMatrix['by']): string {
  switch (cell.state) {
    case 'covered':
      if (cell.clauses.length > 0) return cell.clauses.map((c) => (by === 'sector' ? `${c.standard} ${c.id}` : c.id)).join(', ');
      return cell.children ? renderText('matrix.through-children', cell.children, locale) : '';
    case 'partial':
      return cell.children ? renderText('matrix.children-done', cell.children, locale) : '';
    case 'excluded': {
      if (cell.exclusions.length === 0) return cell.children ? renderText('matrix.through-children', cell.children, locale) : '';
      return cell.exclusions.map((e) => {
        const reason = e.via ? renderText('matrix.excluded-via', { reason: e.reason, item: e.via }, locale) : e.reason;
        return by === 'sector' ? `${e.standard}: ${reason}` : reason;
      }).join('; ');
    }
    default:
      return '';
  }
}

/** A cell as one line of text: symbol, state and detail, e.g. "✔ covered: S-1.1, S-1.2". */
export function cellText(cell: MatrixCell, locale: Locale, by: CoverageMatrix['by']): string {
  const detail = cellDetail(cell, locale, by);
  const state = stateWord(cell.state, locale);
  return `${stateSymbols[cell.state]} ${detail ? renderText('matrix.cell', { state, detail }, locale) : state}`;
}

/** An enumerated value in the reader's language; a value the schema does not know is shown as written. */
export function obligationWord(obligation: string, locale: Locale): string {
  return obligation === 'must-consider' || obligation === 'reference' ? renderText(`obligation.${obligation}`, {}, locale) : obligation;
}

export function levelWord(level: string, locale: Locale): string {
  return level === 'abstract' || level === 'concrete' ? renderText(`level.${level}`, {}, locale) : level;
}

/** Indentation shows at most this many levels (a guideline may nest thousands deep; `parent` and `depth` say the rest). */
const MAX_INDENT = 10;

/** How far a row's title is indented in the formats that indent. */
export function indentOf(row: MatrixRow): number {
  return Math.min(row.depth, MAX_INDENT);
}

/** The marks of a row: provisional (Kijun's own suggestion) and unconfirmed items. */
export function rowMarks(row: MatrixRow, locale: Locale): string[] {
  return [
    ...(row.provisional ? [renderText('matrix.provisional', {}, locale)] : []),
    ...(row.unconfirmed ? [renderText('matrix.unconfirmed', {}, locale)] : []),
  ];
}

export function noteText(note: MatrixNote, locale: Locale): string {
  switch (note.kind) {
    case 'guideline-unknown':
      return renderText('matrix.note.guideline-unknown', { path: note.path, guideline: note.guideline }, locale);
    case 'sector-unknown':
      return renderText('matrix.note.sector-unknown', { path: note.path, guideline: note.guideline }, locale);
    case 'errors':
      return renderText('matrix.note.errors', { path: note.path, errors: note.errors }, locale);
  }
}

export function columnSummary(column: MatrixColumn, locale: Locale): string {
  const c = column.mustConsider;
  return renderText('coverage.summary', { done: c.covered + c.excluded, total: c.total, excluded: c.excluded }, locale);
}

// --- The matrix as a table of texts (Markdown, CSV, XLSX, HTML) -------------------------------------

export interface TableCell {
  text: string;
  state?: CellState;
}

/** The item's own columns, in the order the tabular formats show them. */
export const itemColumns = ['id', 'label', 'title', 'parent', 'obligation', 'level', 'marks'] as const;
export type ItemColumn = (typeof itemColumns)[number];

export interface MatrixTable {
  itemHeadings: Record<ItemColumn, string>;
  columnHeadings: string[];
  /** The headings of the row totals: one per state. */
  totalHeadings: string[];
  rows: { item: Record<ItemColumn, string>; cells: TableCell[]; totals: number[]; row: MatrixRow }[];
  /** Rows under the items: the count of each state per column, then the must-consider summary. */
  footer: { label: string; values: TableCell[] }[];
}

/** The given item columns of a heading or row record, in order. */
export function pick(record: Record<ItemColumn, string>, columns: readonly ItemColumn[]): string[] {
  return columns.map((c) => record[c]);
}

/** One guideline's matrix as texts, for the tabular formats (each shows the hierarchy its own way: indent, parent). */
export function matrixTable(guideline: GuidelineMatrix, locale: Locale, by: CoverageMatrix['by']): MatrixTable {
  const t = (key: InterfaceText): string => renderText(key, {}, locale);
  return {
    itemHeadings: {
      id: t('matrix.column.id'),
      label: t('matrix.column.label'),
      title: t('matrix.column.title'),
      parent: t('matrix.column.parent'),
      obligation: t('matrix.column.obligation'),
      level: t('matrix.column.level'),
      marks: t('matrix.column.marks'),
    },
    columnHeadings: guideline.columns.map((c) => columnHeading(c, locale)),
    totalHeadings: cellStates.map((s) => `${stateSymbols[s]} ${stateWord(s, locale)}`),
    rows: guideline.rows.map((row) => ({
      item: {
        id: row.id,
        label: row.label,
        title: row.title,
        parent: row.parent ?? '',
        obligation: obligationWord(row.obligation, locale),
        level: levelWord(row.level, locale),
        marks: rowMarks(row, locale).join('; '),
      },
      cells: row.cells.map((cell) => ({ text: cellText(cell, locale, by), state: cell.state })),
      totals: cellStates.map((s) => row.totals[s]),
      row,
    })),
    footer: [
      ...cellStates.map((state) => ({
        label: renderText('matrix.total', { state: `${stateSymbols[state]} ${stateWord(state, locale)}` }, locale),
        values: guideline.columns.map((c) => ({ text: String(c.totals[state]), state })),
      })),
      { label: t('matrix.summary'), values: guideline.columns.map((c) => ({ text: columnSummary(c, locale) })) },
    ],
  };
}

/** A column's heading: the standard's id and title, or the sector's label (saying when it has no standard). */
export function columnHeading(column: MatrixColumn, locale: Locale): string {
  if (column.kind === 'standard') return column.title === column.heading ? column.heading : `${column.heading} ${column.title}`;
  return column.standards.length > 0 ? column.heading : renderText('matrix.sector-without-standard', { sector: column.heading }, locale);
}
