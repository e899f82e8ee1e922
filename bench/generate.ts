// Generates Kijun safety standards (kijun: standard) of a given size for the bench, and a JSON Schema
// that lets a plain YAML language server (the peer) check the same text.
//
// The vocabulary (item ids, threat ids, sector names) is read from the repository's own bundled
// guideline and schema, so the documents stay valid as the guideline evolves; nothing outside the
// repository is read.

import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

export interface Vocabulary {
  guidelineId: string;
  /** Ids of the guideline items that apply to the finance sector (what a clause may cover). */
  items: string[];
  /** Every item id of the guideline (for the peer's schema). */
  allItems: string[];
  threats: string[];
  /** Sector ids and labels (for the peer's schema). */
  sectorNames: string[];
}

export interface GeneratedStandard {
  clauses: number;
  text: string;
  bytes: number;
  lines: number;
  /** Clause indexes carrying the deliberate mistake (a `covers` entry naming no item). */
  mistakes: number[];
  /** 0-based line of the middle clause's `title:` line (edited by the bench). */
  titleLine: number;
  /** 0-based position just after `covers: [` in the middle clause. */
  coversPosition: { line: number; character: number };
  /** 0-based position of the value of the top-level `sector:` key. */
  sectorPosition: { line: number; character: number };
}

const SECTOR = 'finance';
const SECTOR_LABEL = '金融';

interface RawItem {
  id?: unknown;
  sectors?: unknown;
  items?: unknown;
}

/** Reads the bundled guideline `guidelines/<id>.yaml` of the repository. */
export function loadVocabulary(repoRoot: string, guidelineId = 'nisc-2008'): Vocabulary {
  const file = path.join(repoRoot, 'guidelines', `${guidelineId}.yaml`);
  const doc = parse(fs.readFileSync(file, 'utf8')) as {
    id?: string;
    items?: RawItem[];
    threats?: { id?: string }[];
    sectors?: { id?: string; label?: string }[];
  };
  const items: string[] = [];
  const allItems: string[] = [];
  const walk = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const raw of list as RawItem[]) {
      if (typeof raw?.id !== 'string') continue;
      allItems.push(raw.id);
      const sectors = raw.sectors;
      const applies = sectors === undefined || sectors === 'all'
        || (Array.isArray(sectors) && sectors.some((s) => s === SECTOR || s === SECTOR_LABEL));
      if (applies) items.push(raw.id);
      walk(raw.items);
    }
  };
  walk(doc.items);
  const threats = (doc.threats ?? []).map((t) => t.id).filter((t): t is string => typeof t === 'string');
  const sectorNames = (doc.sectors ?? []).flatMap((s) => [s.id, s.label]).filter((s): s is string => typeof s === 'string');
  if (items.length === 0 || threats.length === 0) throw new Error(`${file}: no items or threats found`);
  return { guidelineId: doc.id ?? guidelineId, items, allItems, threats, sectorNames };
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'アクセス制御', 'ログの取得と保管', '脆弱性管理', 'バックアップ', 'インシデント対応', '暗号化', '多要素認証',
  '外部委託先管理', '物理的セキュリティ', '教育・訓練', '事業継続計画', '情報資産管理', 'ネットワーク分離',
  '監視体制', '変更管理', '特権ID管理', 'クラウドサービス利用', '勘定系システムの保護', 'リスク評価', '情報共有体制',
];
const TITLE_SUFFIX = ['の強化', 'に関する基準', 'の整備', 'の実施', 'の定期的な見直し', 'の導入', 'の徹底', 'の確立', 'に係る責任の明確化', 'の評価'];
const FREQ = ['年に一回以上', '四半期ごとに', '毎月', '重要な変更の都度', '定期的に', '少なくとも半年に一回'];
const ACTOR = ['金融機関', '経営層', '情報セキュリティ責任者', 'システム管理者', 'CSIRT', '委託元の担当部門'];
const MEASURE = ['技術的対策', '組織的対策', '復旧手順', '監視と検知の仕組み', '訓練計画', '評価基準', '連絡体制'];
const EVENTS = ['サービス不能攻撃', '不正侵入', '操作・設定ミス', '大規模な地震', '電力供給の途絶', '通信の途絶', '内部不正'];

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
function pickSome<T>(r: Rand, list: readonly T[], min: number, max: number): T[] {
  const n = min + Math.floor(r() * (max - min + 1));
  const pool = [...list];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
}
const SENTENCES: ((r: Rand) => string)[] = [
  (r) => `${pick(r, ACTOR)}は、${pick(r, SUBJECTS)}について${pick(r, FREQ)}見直しを行わなければならない。`,
  (r) => `${pick(r, EVENTS)}を想定した${pick(r, MEASURE)}を講ずること。`,
  (r) => `${pick(r, ACTOR)}は、${pick(r, SUBJECTS)}の実施状況を記録し、${pick(r, FREQ)}経営層に報告すること。`,
  (r) => `${pick(r, MEASURE)}の有効性は、${pick(r, FREQ)}第三者による評価を受けることが望ましい。`,
  () => '重大なIT障害が発生した場合、速やかに所管省庁へ報告しなければならない。',
  (r) => `${pick(r, SUBJECTS)}に関する手順書を整備し、関係者に周知すること。`,
  (r) => `預金・為替取引の継続に影響を及ぼす${pick(r, EVENTS)}の兆候を検知した場合は、${pick(r, MEASURE)}に従って対応すること。`,
];

/** Clause id for the i-th clause (0-based): S-1.1.1, S-1.1.2, …, unique for any size. */
function clauseId(i: number): string {
  return `S-${Math.floor(i / 100) + 1}.${(Math.floor(i / 10) % 10) + 1}.${(i % 10) + 1}`;
}

/** How a generated standard differs from the bench's default one. */
export interface StandardShape {
  seed?: number;
  /** Share of the clauses (at least one) that cover an unknown item id. */
  rate?: number;
  /** The document's `id:` (unique within a workspace). */
  id?: string;
  /** The guideline it names (default: the vocabulary's). */
  guidelineId?: string;
  /** How many sentences each clause's `text: |` holds, at least and at most (default 2–4). */
  sentences?: [number, number];
}

/**
 * A standard of `n` clauses in Kijun's YAML form. About `rate` of the clauses (at least one) carry a
 * deliberate mistake: a `covers` entry naming no item of the guideline. Deterministic for a seed.
 */
export function generateStandard(n: number, vocabulary: Vocabulary, shape: StandardShape = {}): GeneratedStandard {
  const { seed = 42, rate = 0.01, id = `bench-standard-${n}`, guidelineId = vocabulary.guidelineId, sentences: [fewest, most] = [2, 4] } = shape;
  const r = rng(seed + n);
  const middle = Math.floor(n / 2);
  const mistakeCount = Math.max(1, Math.round(n * rate));
  const mistakes = new Set<number>();
  while (mistakes.size < Math.min(mistakeCount, n - 1)) {
    const k = Math.floor(r() * n);
    if (k !== middle) mistakes.add(k);
  }
  const lines: string[] = [
    `# Kijun bench: a generated standard with ${n} clauses, ${mistakes.size} of them with a deliberate mistake (unknown covers id).`,
    'kijun: standard',
    `guideline: ${guidelineId}`,
    `id: ${id}`,
    `title: ベンチマーク用 安全基準（${n}条項）`,
    `sector: ${SECTOR_LABEL}`,
    'class: 3',
    'publisher: Kijun bench',
    'clauses:',
  ];
  const sectorLine = lines.findIndex((l) => l.startsWith('sector:'));
  let titleLine = -1;
  let coversPosition = { line: -1, character: -1 };
  for (let i = 0; i < n; i++) {
    const title = `${pick(r, SUBJECTS)}${pick(r, TITLE_SUFFIX)}`;
    const covers = pickSome(r, vocabulary.items, 1, 3);
    if (mistakes.has(i)) covers[0] = `G-IX-${1 + Math.floor(r() * 9)}-${1 + Math.floor(r() * 9)}`;
    const threats = pickSome(r, vocabulary.threats, 1, 3);
    const sentences = Array.from({ length: fewest + Math.floor(r() * (most - fewest + 1)) }, () => pick(r, SENTENCES)(r));
    lines.push(`  - id: ${clauseId(i)}`);
    if (i === middle) titleLine = lines.length;
    lines.push(`    title: ${title}`);
    const coversLine = `    covers: [${covers.join(', ')}]`;
    if (i === middle) coversPosition = { line: lines.length, character: coversLine.indexOf('[') + 1 };
    lines.push(coversLine);
    lines.push(`    threats: [${threats.join(', ')}]`);
    if (sentences.length > 0) {
      lines.push('    text: |');
      for (const s of sentences) lines.push(`      ${s}`);
    }
    lines.push('');
  }
  const text = lines.join('\n');
  return {
    clauses: n,
    text,
    bytes: Buffer.byteLength(text),
    lines: lines.length,
    mistakes: [...mistakes].sort((a, b) => a - b),
    titleLine,
    coversPosition,
    sectorPosition: { line: sectorLine, character: 'sector: '.length },
  };
}

/**
 * The peer's JSON Schema: Kijun's own standard schema, with the guideline's vocabulary written in as
 * enums (sector, covers, threats), so that a plain YAML server flags the same mistakes.
 */
export function peerSchema(repoRoot: string, vocabulary: Vocabulary): object {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'standard.schema.json'), 'utf8')) as {
    $id?: string;
    properties: Record<string, Record<string, unknown>>;
    definitions: Record<string, { properties?: Record<string, Record<string, unknown>> }>;
  };
  delete schema.$id; // resolve local $refs against the file itself, never the network
  const list = (values: string[], description: unknown) => ({
    description,
    anyOf: [
      { type: 'array', items: { enum: values } },
      { enum: values },
    ],
  });
  schema.properties.sector = { description: schema.properties.sector?.description, enum: vocabulary.sectorNames };
  const clause = schema.definitions.clause?.properties;
  if (clause) {
    clause.covers = list(vocabulary.allItems, clause.covers?.description);
    clause.threats = list(vocabulary.threats, clause.threats?.description);
  }
  return schema;
}

/** A workspace of standards that all follow one guideline of the workspace itself. */
export interface GeneratedWorkspace {
  /** Relative path → text. */
  files: Map<string, string>;
  guidelinePath: string;
  /** Relative paths of the standards, in order. */
  standardPaths: string[];
  guidelineId: string;
  bytes: number;
  clauses: number;
  /** Ids of guideline items the standards cover (the bench edits one of them in the guideline). */
  coveredItems: string[];
}

export const WORKSPACE_GUIDELINE_ID = 'bench-guideline';

/**
 * `standards` standards of `clauses` clauses each (one sentence or none per clause, about 17 MB for
 * 300 × 300) and their guideline: a copy of the bundled guideline under an id of its own, marked as a copy,
 * so that the standards resolve it in the workspace (as a team's own guideline) and an edit of it reaches them.
 */
export function generateWorkspace(repoRoot: string, vocabulary: Vocabulary, standards: number, clauses: number): GeneratedWorkspace {
  const bundled = fs.readFileSync(path.join(repoRoot, 'guidelines', `${vocabulary.guidelineId}.yaml`), 'utf8');
  const idLine = new RegExp(`^id: ${vocabulary.guidelineId}$`, 'm');
  if (!idLine.test(bundled)) throw new Error(`guidelines/${vocabulary.guidelineId}.yaml: no top-level \`id: ${vocabulary.guidelineId}\` line`);
  const guideline = `# Kijun bench: a copy of the bundled guideline ${vocabulary.guidelineId} under the id ${WORKSPACE_GUIDELINE_ID}.\n`
    + bundled.replace(idLine, `id: ${WORKSPACE_GUIDELINE_ID}`);
  const files = new Map<string, string>([['guideline.yaml', guideline]]);
  const standardPaths: string[] = [];
  const width = String(standards).length;
  for (let i = 0; i < standards; i++) {
    const name = String(i + 1).padStart(width, '0');
    const doc = generateStandard(clauses, vocabulary, { seed: 1000 + i, id: `bench-ws-${name}`, guidelineId: WORKSPACE_GUIDELINE_ID, sentences: [0, 1] });
    const file = `standards/standard-${name}.yaml`;
    files.set(file, doc.text);
    standardPaths.push(file);
  }
  let bytes = 0;
  for (const text of files.values()) bytes += Buffer.byteLength(text);
  return { files, guidelinePath: 'guideline.yaml', standardPaths, guidelineId: WORKSPACE_GUIDELINE_ID, bytes, clauses: standards * clauses, coveredItems: vocabulary.items };
}

/** Writes a generated workspace under `folder`. */
export function writeWorkspace(folder: string, workspace: GeneratedWorkspace): void {
  for (const [relative, text] of workspace.files) {
    const file = path.join(folder, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}
