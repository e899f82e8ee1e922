import { Located, Span } from '../text';
import { child, entry, TreeNode } from '../parsing/tree';
import { Lineage } from './lineage';

/**
 * Typed views of the three document kinds, read from the located tree. Reading is tolerant:
 * a value of the wrong type is simply absent here (the schema check reports it), so every rule
 * can rely on these shapes whatever the user typed.
 */

export interface ClauseModel {
  id?: Located;
  title?: Located;
  covers: Located[];
  threats: Located[];
  /** The clause's own `text:` (YAML). A Markdown clause's prose is the body under its heading, not a key. */
  text?: Located;
  /** The clause's node: its list entry in YAML, its heading in Markdown. */
  span: Span;
}

export interface ExclusionModel {
  item?: Located;
  reason?: Located;
  span: Span;
}

export interface StandardModel {
  kind: 'standard';
  id?: Located;
  guideline?: Located;
  title?: Located;
  sector?: Located;
  subsector?: Located;
  class?: Located<number>;
  titleEn?: string;
  publisher?: string;
  edition?: string;
  description?: string;
  clauses: ClauseModel[];
  exclusions: ExclusionModel[];
  /** Where coverage findings go: the guideline reference, which defines what must be covered. */
  anchor: Span;
}

/**
 * What sectors, sub-sectors, threat kinds, threat examples and threat sub-types have in common.
 * `source` says where the term comes from; `unconfirmed` marks data not confirmed against a
 * published source (shown as 未確認).
 */
export interface TermDef {
  id: Located;
  label: Located;
  labelEn?: string;
  aliases: string[];
  description?: string;
  source?: string;
  unconfirmed: boolean;
}

export interface SectorDef extends TermDef {
  subsectors: TermDef[];
}

export interface ThreatExampleTerm extends TermDef {
  /** society | operator: who is expected to respond (seed p17); absent in a table without that axis (p16). */
  responder?: string;
}

export interface ThreatDef extends TermDef {
  direction?: string;
  examples: ThreatExampleTerm[];
  /** The finer kinds the information-sharing table uses (seed p31), for a plan's `subtype`. */
  subtypes: TermDef[];
}

export interface ItemDef {
  id: Located;
  label?: Located;
  title?: Located;
  titleEn?: string;
  obligation?: string;
  level?: string;
  /** `'all'`, or the sector names as written. */
  sectors: 'all' | Located[];
  threats: Located[];
  text?: string;
  source?: string;
  /**
   * Kijun's own suggestion, not the guideline's (`provisional: true`): it raises no must-consider
   * warning unless a team makes provisional items binding (ARCHITECTURE.md, "Coverage").
   */
  provisional: boolean;
  /** The data could not be confirmed against a published source (`unconfirmed: true`): shown as 未確認. */
  unconfirmed: boolean;
  /** How a concrete measure relates to its parent in the source (e.g. a checklist row, a worked example). */
  relation?: string;
  /** Id of the parent: the enclosing item, or the explicit `parent:` key. */
  parent?: Located;
  /** The item this one is written inside (when it has no explicit `parent:`), for structural views such as the outline. */
  nestedIn?: ItemDef;
  /** The items written inside this one, in document order. */
  nested: ItemDef[];
  span: Span;
}

export interface GuidelineModel {
  kind: 'guideline';
  id?: Located;
  title?: Located;
  titleEn?: string;
  edition?: string;
  description?: string;
  source?: string;
  sectors: SectorDef[];
  threats: ThreatDef[];
  /** All items, nested ones included, in document order. */
  items: ItemDef[];
  /** The items of the top-level `items:` list (the others are nested inside them). */
  topItems: ItemDef[];
}

export interface PlanSectorModel {
  sector?: Located;
  standards: { id?: Located; title?: string; class?: Located<number>; span: Span }[];
  services: { name?: Located; subsector?: Located }[];
  span: Span;
}

/** One row of a plan's threat illustration (脅威の例示): a threat kind for one responder. */
export interface PlanThreatRow {
  threat?: Located;
  responder?: Located;
  direction?: Located;
  examples: Located[];
  span: Span;
}

/** One row of a plan's information-sharing table (情報共有の整理, seed p31). */
export interface PlanSharingRow {
  threat?: Located;
  subtype?: Located;
  info?: Located;
  timing?: Located;
  route?: Located;
  channel?: Located;
  span: Span;
}

export interface PlanModel {
  kind: 'action-plan';
  id?: Located;
  guideline?: Located;
  title?: Located;
  period?: { from?: Located<number>; to?: Located<number> };
  sectors: PlanSectorModel[];
  threats: PlanThreatRow[];
  sharing: PlanSharingRow[];
  measures: { measure?: Located; schedule: { year?: Located<number>; span: Span }[]; span: Span }[];
  anchor: Span;
  /** The `threats:` key, where missing illustrations are reported; and whether the plan has one. */
  threatsAnchor?: Span;
  hasThreatsKey: boolean;
}

export type DocumentModel = StandardModel | GuidelineModel | PlanModel;

export function str(node: TreeNode | undefined): Located | undefined {
  if (node?.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') return undefined;
  return { value: node.raw ?? String(node.value), span: node.span };
}

function num(node: TreeNode | undefined): Located<number> | undefined {
  if (node?.kind !== 'scalar' || typeof node.value !== 'number') return undefined;
  return { value: node.value, span: node.span };
}

function flag(node: TreeNode | undefined): boolean {
  return node?.kind === 'scalar' && node.value === true;
}

function plainString(node: TreeNode | undefined): string | undefined {
  return str(node)?.value;
}

function list(node: TreeNode | undefined): TreeNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

/** A list of names: a YAML list of scalars, or one scalar (`covers: G-1`). */
function names(node: TreeNode | undefined): Located[] {
  if (node?.kind === 'scalar') {
    const one = str(node);
    return one ? [one] : [];
  }
  return list(node).map(str).filter((s): s is Located => s !== undefined);
}

/** A scalar's value as text, whatever its type (an edition may be written `2007` or `第3版`). */
function scalarText(node: TreeNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

function strings(node: TreeNode | undefined): string[] {
  return names(node).map((n) => n.value);
}

/**
 * Clause models by their tree node. A clause whose text an edit did not touch keeps its node
 * (chunks.ts), and so its model: the rules and the coverage keep what they derived from it.
 */
const clauseModels = new WeakMap<TreeNode, ClauseModel>();

function readClause(node: TreeNode): ClauseModel {
  let clause = clauseModels.get(node);
  if (!clause) {
    clause = {
      id: str(child(node, 'id')),
      title: str(child(node, 'title')),
      covers: names(child(node, 'covers')),
      threats: names(child(node, 'threats')),
      text: str(child(node, 'text')),
      span: node.span,
    };
    clauseModels.set(node, clause);
  }
  return clause;
}

export function readStandard(root: TreeNode, lineage?: Lineage): StandardModel {
  const guideline = str(child(root, 'guideline'));
  const clauseNodes = list(child(root, 'clauses'));
  return {
    kind: 'standard',
    id: str(child(root, 'id')),
    guideline,
    title: str(child(root, 'title')),
    sector: str(child(root, 'sector')),
    subsector: str(child(root, 'subsector')),
    class: num(child(root, 'class')),
    titleEn: plainString(child(root, 'title-en')),
    publisher: plainString(child(root, 'publisher')),
    edition: scalarText(child(root, 'edition')),
    description: plainString(child(root, 'description')),
    clauses: lineage ? lineage.map('clause-models', clauseNodes, [], readClause) : clauseNodes.map(readClause),
    exclusions: list(child(root, 'exclusions')).map((node) => ({
      item: str(child(node, 'item')),
      reason: str(child(node, 'reason')),
      span: node.span,
    })),
    anchor: guideline?.span ?? entry(root, 'kijun')?.keySpan ?? root.span,
  };
}

/** A sector, sub-sector, threat kind, example or sub-type; undefined without id or label. */
function readTerm(node: TreeNode): TermDef | undefined {
  const id = str(child(node, 'id'));
  const label = str(child(node, 'label'));
  if (!id || !label) return undefined;
  return {
    id,
    label,
    labelEn: plainString(child(node, 'label-en')),
    aliases: strings(child(node, 'aliases')),
    description: plainString(child(node, 'description')),
    source: plainString(child(node, 'source')),
    unconfirmed: flag(child(node, 'unconfirmed')),
  };
}

export function readGuideline(root: TreeNode): GuidelineModel {
  const items: ItemDef[] = [];
  const readItems = (node: TreeNode | undefined, enclosing: ItemDef | undefined): ItemDef[] => {
    const read: ItemDef[] = [];
    for (const itemNode of list(node)) {
      const id = str(child(itemNode, 'id'));
      if (!id) continue;
      const sectorsNode = child(itemNode, 'sectors');
      const explicitParent = str(child(itemNode, 'parent'));
      const item: ItemDef = {
        id,
        label: str(child(itemNode, 'label')),
        title: str(child(itemNode, 'title')),
        titleEn: plainString(child(itemNode, 'title-en')),
        obligation: plainString(child(itemNode, 'obligation')),
        level: plainString(child(itemNode, 'level')),
        sectors: sectorsNode?.kind === 'seq' ? names(sectorsNode) : 'all',
        threats: names(child(itemNode, 'threats')),
        text: plainString(child(itemNode, 'text')),
        source: plainString(child(itemNode, 'source')),
        provisional: flag(child(itemNode, 'provisional')),
        unconfirmed: flag(child(itemNode, 'unconfirmed')),
        relation: plainString(child(itemNode, 'relation')),
        parent: explicitParent ?? enclosing?.id,
        nestedIn: explicitParent ? undefined : enclosing,
        nested: [],
        span: itemNode.span,
      };
      items.push(item);
      read.push(item);
      item.nested = readItems(child(itemNode, 'items'), item);
    }
    return read;
  };
  const topItems = readItems(child(root, 'items'), undefined);
  return {
    kind: 'guideline',
    id: str(child(root, 'id')),
    title: str(child(root, 'title')),
    titleEn: plainString(child(root, 'title-en')),
    edition: scalarText(child(root, 'edition')),
    description: plainString(child(root, 'description')),
    source: plainString(child(root, 'source')),
    sectors: list(child(root, 'sectors')).flatMap((node) => {
      const term = readTerm(node);
      return term ? [{ ...term, subsectors: list(child(node, 'subsectors')).flatMap((sub) => readTerm(sub) ?? []) }] : [];
    }),
    threats: list(child(root, 'threats')).flatMap((node) => {
      const term = readTerm(node);
      if (!term) return [];
      return [{
        ...term,
        direction: plainString(child(node, 'direction')),
        examples: list(child(node, 'examples')).flatMap((example) => {
          const exampleTerm = readTerm(example);
          return exampleTerm ? [{ ...exampleTerm, responder: plainString(child(example, 'responder')) }] : [];
        }),
        subtypes: list(child(node, 'subtypes')).flatMap((subtype) => readTerm(subtype) ?? []),
      }];
    }),
    items,
    topItems,
  };
}

export function readPlan(root: TreeNode): PlanModel {
  const guideline = str(child(root, 'guideline'));
  const period = child(root, 'period');
  return {
    kind: 'action-plan',
    id: str(child(root, 'id')),
    guideline,
    title: str(child(root, 'title')),
    period: period ? { from: num(child(period, 'from')), to: num(child(period, 'to')) } : undefined,
    sectors: list(child(root, 'sectors')).map((node) => ({
      sector: str(child(node, 'sector')),
      standards: list(child(node, 'standards')).map((s) =>
        s.kind === 'scalar'
          ? { id: str(s), span: s.span }
          : { id: str(child(s, 'id')), title: plainString(child(s, 'title')), class: num(child(s, 'class')), span: s.span },
      ),
      services: list(child(node, 'services')).map((s) => ({ name: str(child(s, 'name')), subsector: str(child(s, 'subsector')) })),
      span: node.span,
    })),
    threats: list(child(root, 'threats')).map((node) => ({
      threat: str(child(node, 'threat')),
      responder: str(child(node, 'responder')),
      direction: str(child(node, 'direction')),
      examples: names(child(node, 'examples')),
      span: node.span,
    })),
    sharing: list(child(root, 'information-sharing')).map((node) => ({
      threat: str(child(node, 'threat')),
      subtype: str(child(node, 'subtype')),
      info: str(child(node, 'info')),
      timing: str(child(node, 'timing')),
      route: str(child(node, 'route')),
      channel: str(child(node, 'channel')),
      span: node.span,
    })),
    measures: list(child(root, 'measures')).map((node) => ({
      measure: str(child(node, 'measure')),
      schedule: list(child(node, 'schedule')).map((s) => ({ year: num(child(s, 'year')), span: s.span })),
      span: node.span,
    })),
    anchor: guideline?.span ?? entry(root, 'kijun')?.keySpan ?? root.span,
    threatsAnchor: entry(root, 'threats')?.keySpan,
    hasThreatsKey: entry(root, 'threats') !== undefined,
  };
}
