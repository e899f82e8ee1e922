import { InterfaceText, Locale, renderText } from '../../core';
import { buildCoverageMatrix, cellText, CoverageMatrix, GuidelineMatrix, htmlCoverage, MatrixRow, stateWord } from '../../reports';
import { columnSummary, MatrixLocation, noteText, rowMarks, stateSymbols } from '../../reports/coverageMatrix';
import { ready, ServerContext } from '../context';
import { CoverageHtmlRequest, CoverageScopeParams, CoverageTreeNode, CoverageTreeRequest } from '../protocol';

/**
 * The "Kijun Coverage" view and report (README "Coverage reports"): the coverage matrix of the workspace's
 * standards, or of one standard, as a tree the client shows as it is (guideline → items with their state →
 * covering clauses, exclusions, and in the workspace view each standard's gap), or as the HTML report.
 */
export function registerCoverageTree(context: ServerContext): void {
  const { connection } = context;
  connection.onRequest(CoverageTreeRequest.method, (params: CoverageScopeParams) => {
    const locale = context.locale();
    const matrix = matrixFor(context, params);
    if (!matrix) return [message('client.not-a-standard', locale)];
    return coverageTree(matrix, params.scope);
  });
  connection.onRequest(CoverageHtmlRequest.method, (params: CoverageScopeParams) => {
    const matrix = matrixFor(context, params);
    return matrix ? htmlCoverage(matrix) : null;
  });
}

/** The matrix by standard of the scope; undefined when the scope is a document that is not a standard. */
function matrixFor(context: ServerContext, { scope, uri }: CoverageScopeParams): CoverageMatrix | undefined {
  const workspace = context.workspace();
  let uris: string[];
  if (scope === 'standard') {
    if (!uri) return undefined;
    ready(context, uri);
    if (workspace.model(uri)?.kind !== 'standard') return undefined;
    uris = [uri];
  } else {
    uris = workspace.standards().map((s) => s.uri);
  }
  return buildCoverageMatrix(workspace, uris, { by: 'standard', locale: context.locale() });
}

/**
 * The tree of a matrix, flat: each node names its parent (a deep guideline would overflow a nested message), and
 * siblings come in the order of the list. What the matrix does not show (notes) ends the top level, so nothing is
 * missing in silence.
 */
export function coverageTree(matrix: CoverageMatrix, scope: CoverageScopeParams['scope']): CoverageTreeNode[] {
  const { locale } = matrix;
  const nodes = matrix.guidelines.flatMap((g) => guidelineNodes(g, locale, scope));
  if (nodes.length === 0 && scope === 'workspace') nodes.push(message('tree.no-standards', locale));
  matrix.notes.forEach((note, i) => nodes.push({ id: `note:${i}`, kind: 'message', label: noteText(note, locale) }));
  return nodes;
}

/**
 * A guideline's node, then under it its items that apply to some standard shown: first every item's clauses,
 * exclusions and gaps, then the items themselves, so that an item lists its own clauses before its sub-items. An
 * item whose parent is not shown, or that hangs in a parent cycle, is a top item.
 */
function guidelineNodes(guideline: GuidelineMatrix, locale: Locale, scope: CoverageScopeParams['scope']): CoverageTreeNode[] {
  const id = `guideline:${guideline.id}`;
  const summary = scope === 'standard' && guideline.columns.length === 1
    ? columnSummary(guideline.columns[0], locale)
    : renderText('tree.standards', { count: guideline.columns.length }, locale);
  const rows = guideline.rows.filter((r) => r.summary.state !== 'not-applicable');
  const ids = new Ids();
  const nodeIds = new Map(rows.map((row) => [row.id, ids.unique(`${id}/${row.id}`)]));
  const anchored = anchoredRows(rows);
  const parentOf = (row: MatrixRow): string => (row.parent !== undefined && anchored.get(row.id) ? nodeIds.get(row.parent)! : id);
  return [
    { id, kind: 'guideline', label: guideline.title, description: `${guideline.id} · ${summary}`, tooltip: guideline.path },
    ...rows.flatMap((row) => cellNodes(row, guideline, locale, scope, nodeIds.get(row.id)!, ids)),
    ...rows.map((row) => rowNode(row, guideline, locale, scope, nodeIds.get(row.id)!, parentOf(row))),
  ];
}

/**
 * For each row, whether its chain of shown parents ends at a row whose parent is not shown (true) or runs into
 * a cycle (false: the guideline's item.cycle error). Iterative and memoised: linear in the rows.
 */
function anchoredRows(rows: MatrixRow[]): Map<string, boolean> {
  const parentOf = new Map(rows.map((r) => [r.id, r.parent]));
  const anchored = new Map<string, boolean>();
  for (const row of rows) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let current: string | undefined = row.id;
    let result = true;
    while (current !== undefined) {
      const known = anchored.get(current);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (onChain.has(current)) {
        result = false;
        break;
      }
      onChain.add(current);
      chain.push(current);
      const parent = parentOf.get(current);
      current = parent !== undefined && parentOf.has(parent) ? parent : undefined;
    }
    for (const id of chain) anchored.set(id, result);
  }
  return anchored;
}

/** An item: its state in the one standard, or across the workspace's standards it applies to. */
function rowNode(row: MatrixRow, guideline: GuidelineMatrix, locale: Locale, scope: CoverageScopeParams['scope'], id: string, parent: string): CoverageTreeNode {
  const state = scope === 'standard' ? row.cells[0].state : row.summary.state;
  const status = scope === 'standard'
    ? cellText(row.cells[0], locale, 'standard')
    : `${stateSymbols[state]} ${stateWord(state, locale)} · ${renderText('tree.in-standards', { done: row.summary.done, total: row.summary.applicable }, locale)}`;
  const marks = rowMarks(row, locale);
  return {
    id,
    parent,
    kind: 'item',
    label: `${row.label || row.id} ${row.title}`,
    description: row.provisional ? `${status} · ${renderText('matrix.provisional-short', {}, locale)}` : status,
    tooltip: [`${row.id} · ${guideline.id}`, ...marks].join('\n'),
    state,
    ...locationOf(row.location),
  };
}

/**
 * What a row's cells hold: the covering clauses and the exclusions; in the workspace view also each standard
 * where the item is neither (uncovered, partial, or covered through its sub-items), so every gap has a place.
 */
function cellNodes(row: MatrixRow, guideline: GuidelineMatrix, locale: Locale, scope: CoverageScopeParams['scope'], parentId: string, ids: Ids): CoverageTreeNode[] {
  const workspace = scope === 'workspace';
  return row.cells.flatMap((cell, i): CoverageTreeNode[] => {
    if (cell.state === 'not-applicable') return [];
    const standard = guideline.columns[i].standards[0];
    const clauses = cell.clauses.map((c): CoverageTreeNode => ({
      id: ids.unique(`${parentId}/clause:${standard.path}#${c.id}`),
      parent: parentId,
      kind: 'clause',
      label: c.title ? `${c.id} ${c.title}` : c.id,
      ...(workspace ? { description: c.standard } : {}),
      tooltip: standard.path,
      ...locationOf(c.location),
    }));
    const exclusions = cell.exclusions.map((e): CoverageTreeNode => ({
      id: ids.unique(`${parentId}/exclusion:${standard.path}`),
      parent: parentId,
      kind: 'exclusion',
      label: cellText({ ...cell, exclusions: [e] }, locale, 'standard'),
      ...(workspace ? { description: e.standard } : {}),
      tooltip: standard.path,
      state: 'excluded',
      ...locationOf(e.location),
    }));
    if (clauses.length || exclusions.length || !workspace) return [...clauses, ...exclusions];
    return [{
      id: ids.unique(`${parentId}/standard:${standard.path}`),
      parent: parentId,
      kind: 'standard',
      label: standard.id,
      description: cellText(cell, locale, 'standard'),
      tooltip: standard.path,
      state: cell.state,
      ...locationOf(standard.location),
    }];
  });
}

function locationOf(location: MatrixLocation | undefined): Pick<CoverageTreeNode, 'location'> {
  if (!location) return {};
  return {
    location: {
      uri: location.path,
      range: { start: { line: location.line - 1, character: location.column - 1 }, end: { line: location.endLine - 1, character: location.endColumn - 1 } },
    },
  };
}

function message(key: InterfaceText, locale: Locale): CoverageTreeNode {
  return { id: `message:${key}`, kind: 'message', label: renderText(key, {}, locale) };
}

/** Node ids made unique (two clauses may share an id in a faulty standard) and stable across refreshes. */
class Ids {
  private readonly seen = new Map<string, number>();

  unique(wanted: string): string {
    const count = this.seen.get(wanted) ?? 0;
    this.seen.set(wanted, count + 1);
    return count === 0 ? wanted : `${wanted}#${count + 1}`;
  }
}
