import { Catalog } from '../catalog';
import { CoverageReport } from '../coverage';
import { Finding } from '../../findings';
import { ClauseModel, DocumentModel, GuidelineModel, PlanModel, ReviewModel, StandardModel } from '../model';
import { ParsedDocument } from '../../parsing/parse';
import { Located, LineIndex, normalizeName } from '../../text';
import { Lineage } from '../lineage';

/** Where the documents of the workspace come from (see `WorkspaceOptions`). */
export type DocumentsFrom = 'workspace' | 'paths';

/** What a rule may ask of the rest of the workspace. Rules never read files themselves. */
export interface WorkspaceView {
  /** Where a missing document must be for the front end to read it, for messages. */
  readonly documentsFrom: DocumentsFrom;
  /** The guideline with this id: a workspace document first, then a bundled one. */
  catalog(guidelineId: string): Catalog | undefined;
  guidelineIds(): string[];
  standards(): { uri: string; model: StandardModel }[];
  documentsWithId(id: string): { uri: string; model: DocumentModel }[];
  /** A standard's coverage against a catalog, with the workspace's options (provisional items) and its suspect links. */
  coverageOf(model: StandardModel, catalog: Catalog): CoverageReport;
  /** The review records (`kijun: review`) of the standard with this id, in URI order: the first is the one used. */
  reviewRecords(standardId: string): { uri: string; model: ReviewModel }[];
  /**
   * How many standards name the catalog's guideline id, and the ids of the items one of them covers (against that
   * catalog). With `count`, the standards not parsed yet are not parsed here but counted as `unread`.
   */
  followersCoverage(catalog: Catalog, unread?: 'read' | 'count'): FollowersCoverage;
}

export interface FollowersCoverage {
  standards: number;
  covered: Set<string>;
  /** Standards that may follow the catalog and were left unread (`count`): until they are read, what they cover is not known. */
  unread: number;
}

export interface RuleContext<M extends DocumentModel = DocumentModel> {
  uri: string;
  parsed: ParsedDocument;
  model: M;
  lines: LineIndex;
  workspace: WorkspaceView;
  /** The catalog the document follows (its own, for a guideline), when it resolves. */
  catalog?: Catalog;
  /** A standard's coverage against that catalog, computed once per analysis. */
  coverage?: CoverageReport;
  /** What the previous version's rules derived from the document's clauses (lineage.ts). */
  lineage?: Lineage;
  /** A guideline's analysis: whether the standards that follow it and are not parsed yet are read (see `UnreadFollowers`). */
  unreadFollowers?: 'read' | 'count';
}

/**
 * A rule: one concern, a stable code family, no I/O. To add one, write it next to its kind's
 * rules and list it in `checks/index.ts` (ARCHITECTURE.md, "How to add a rule").
 */
export interface Rule<M extends DocumentModel> {
  name: string;
  check(context: RuleContext<M>): Finding[];
}

export type StandardRule = Rule<StandardModel>;
export type GuidelineRule = Rule<GuidelineModel>;
export type PlanRule = Rule<PlanModel>;
export type ReviewRule = Rule<ReviewModel>;

/** 1-based line of an offset, for messages such as "first at line 12". */
export function lineNumber(context: RuleContext, offset: number): number {
  return context.lines.positionAt(offset).line + 1;
}

/**
 * Calls `report` for every value whose name (normalised) appeared before, with its first
 * occurrence; a rule then says "used more than once (first at line N)".
 */
export function forEachDuplicate(values: Located[], report: (duplicate: Located, first: Located) => void, key: (v: Located) => string = (v) => normalizeName(v.value)): void {
  const first = new Map<string, Located>();
  for (const value of values) {
    const earlier = first.get(key(value));
    if (earlier) report(value, earlier);
    else first.set(key(value), value);
  }
}

/**
 * What a rule derived from one clause, kept with the clause's model while what it depends on (`key`:
 * the catalog, the sector) stays the same. An unedited clause keeps its model across versions
 * (model.ts), so an edit re-checks the clause it touched; its findings' spans are the tree's own,
 * which move with the clause.
 */
export class ClauseMemo<T> {
  private readonly memo = new WeakMap<ClauseModel, { key: unknown[]; value: T }>();

  get(clause: ClauseModel, key: unknown[], compute: () => T): T {
    const known = this.memo.get(clause);
    if (known && known.key.length === key.length && known.key.every((k, i) => k === key[i])) return known.value;
    const value = compute();
    this.memo.set(clause, { key, value });
    return value;
  }
}
