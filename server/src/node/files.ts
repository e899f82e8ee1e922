import * as fs from 'fs';
import * as path from 'path';
import { DocumentFormat, formatOf, InterfaceText, Locale, parseDocument, renderText } from '../core';
import { decodeText } from './decode';

/**
 * The one definition of which files are Kijun candidates, for the CLI and the language server alike.
 *
 * Under a folder: files ending in .yaml, .yml, .md or .markdown. Dot folders, dot files and node_modules are
 * skipped. Symbolic links are followed to their real target (by the language server only when that target
 * lies inside one of the folders it walks); a link back to a folder walked through, or to one holding it, is
 * a loop. A file reached twice (through a link) is read once, under the first path it was found at; in a
 * folder, links come after the other entries. A path named explicitly is read whatever its name. Every path
 * that is not read is reported with the reason, so that the front ends can say so.
 */

export type SkipReason =
  /** A dot folder, or a dot file with a document extension (walking only). */
  | 'hidden'
  /** A node_modules folder (walking only). */
  | 'node-modules'
  /** A link back to a folder walked through, or to one that holds it (`other`: that folder); or links that never reach a target. */
  | 'loop'
  /** A link whose target does not exist. */
  | 'broken-link'
  /** A link whose real target (`other`) lies outside the folders walked (when links are followed into them only). */
  | 'outside'
  /** A file or folder already read under another path (`other`). */
  | 'duplicate'
  /** A folder that cannot be listed, or a path that cannot be examined (`detail`: the system's error code). */
  | 'unreadable'
  /** A path named explicitly that does not exist. */
  | 'missing'
  /** A file named explicitly whose name is not .yaml, .yml, .md or .markdown. */
  | 'not-yaml-or-markdown';

export type WalkEntry =
  | { kind: 'file'; path: string; realPath: string; format: DocumentFormat; explicit: boolean }
  | { kind: 'skipped'; path: string; reason: SkipReason; explicit: boolean; other?: string; detail?: string };

export interface WalkOptions {
  /**
   * `always` (the CLI: the user chose what to check), or `into-roots`: a link is followed only when its real
   * target lies inside one of the roots (the language server must not read a workspace's links to elsewhere).
   */
  followLinks?: 'always' | 'into-roots';
}

/** Every Kijun candidate under the given files and folders, and every path not read, in a stable order. */
export async function* walkDocuments(roots: string[], options: WalkOptions = {}): AsyncGenerator<WalkEntry> {
  const walk = new DocumentWalk(options.followLinks === 'into-roots' ? await realRoots(roots) : undefined);
  for (const root of roots) yield* walk.root(path.resolve(root));
}

/** Whether a path is a candidate by its name, relative to the folder it lies in: the rule of the walk, for single files (watched-file events). */
export function isCandidatePath(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return formatOf(file) !== undefined && relative.split(path.sep).every((part) => !part.startsWith('.') && part !== 'node_modules');
}

/**
 * Whether a file lies inside one of the folders once links are resolved (the language server's rule for
 * single files: a watched file, the file of a closed editor). A file that does not exist is "inside" when
 * its path is: there is nothing to read, and the caller learns that from reading it.
 */
export async function readableInside(file: string, folders: string[]): Promise<boolean> {
  const real = await fs.promises.realpath(file).catch(() => undefined);
  if (real === undefined) return isInside(path.resolve(file), folders.map((f) => path.resolve(f)));
  return isInside(real, await realRoots(folders));
}

async function realRoots(roots: string[]): Promise<string[]> {
  const real = await Promise.all(roots.map((root) => fs.promises.realpath(root).catch(() => undefined)));
  return real.filter((r): r is string => r !== undefined);
}

function isInside(target: string, folders: string[]): boolean {
  return folders.some((folder) => target === folder || target.startsWith(folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`));
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

class DocumentWalk {
  /** Real path → the path it was first found at. */
  private readonly files = new Map<string, string>();
  private readonly folders = new Map<string, string>();

  constructor(private readonly allowedTargets: string[] | undefined) {}

  async *root(root: string): AsyncGenerator<WalkEntry> {
    const target = await this.resolve(root, true);
    if ('kind' in target) {
      yield target;
      return;
    }
    if (target.stat.isDirectory()) yield* this.folder(root, target.real, [], true);
    else {
      const format = formatOf(root) ?? formatOf(target.real);
      if (format) yield* this.file(root, target.real, format, true);
      else yield { kind: 'skipped', path: root, reason: 'not-yaml-or-markdown', explicit: true };
    }
  }

  /** The real path and kind of what a path (a link or not) designates, or why it has none. */
  private async resolve(full: string, explicit: boolean): Promise<{ real: string; stat: fs.Stats } | WalkEntry> {
    try {
      const real = await fs.promises.realpath(full);
      return { real, stat: await fs.promises.stat(real) };
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ELOOP') return { kind: 'skipped', path: full, reason: 'loop', explicit };
      if (code === 'ENOENT') {
        const link = await fs.promises.lstat(full).then((s) => s.isSymbolicLink(), () => false);
        return { kind: 'skipped', path: full, reason: link ? 'broken-link' : 'missing', explicit };
      }
      return { kind: 'skipped', path: full, reason: 'unreadable', explicit, detail: code };
    }
  }

  /** `chain`: the real paths of the folders walked through to get here. */
  private async *folder(folder: string, real: string, chain: string[], explicit: boolean): AsyncGenerator<WalkEntry> {
    const first = this.folders.get(real);
    if (first !== undefined) {
      yield { kind: 'skipped', path: folder, reason: 'duplicate', explicit, other: first };
      return;
    }
    this.folders.set(real, folder);
    const inside = [...chain, real];
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(folder, { withFileTypes: true });
    } catch (error) {
      yield { kind: 'skipped', path: folder, reason: 'unreadable', explicit, detail: errorCode(error) };
      return;
    }
    // By name, links last: a file and a link to it in the same folder are read under the file's own name.
    const order = (e: fs.Dirent): string => `${e.isSymbolicLink() ? 1 : 0}${e.name}`;
    for (const entry of entries.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))) {
      const full = path.join(folder, entry.name);
      if (entry.name.startsWith('.') || entry.name === 'node_modules') {
        const reason = entry.name.startsWith('.') ? 'hidden' : 'node-modules';
        if (entry.isDirectory() || formatOf(entry.name)) yield { kind: 'skipped', path: full, reason, explicit: false };
      } else if (entry.isDirectory()) yield* this.folder(full, path.join(real, entry.name), inside, false);
      else if (entry.isFile()) {
        const format = formatOf(entry.name);
        if (format) yield* this.file(full, path.join(real, entry.name), format, false);
      } else if (entry.isSymbolicLink()) yield* this.link(full, inside);
    }
  }

  /** A link found at the end of `chain` (the real paths of the folders walked through to get here). */
  private async *link(link: string, chain: string[]): AsyncGenerator<WalkEntry> {
    const target = await this.resolve(link, false);
    if ('kind' in target) {
      yield target;
      return;
    }
    const format = target.stat.isDirectory() ? undefined : formatOf(link) ?? formatOf(target.real);
    if (!target.stat.isDirectory() && !format) return; // a link to a file that is no document: nothing to read
    if (this.allowedTargets && !isInside(target.real, this.allowedTargets)) {
      yield { kind: 'skipped', path: link, reason: 'outside', explicit: false, other: target.real };
    } else if (!format && (chain.includes(target.real) || isInside(chain[chain.length - 1], [target.real]))) {
      // The link leads back to a folder walked through, or to one that holds this one: following it would come back here.
      yield { kind: 'skipped', path: link, reason: 'loop', explicit: false, other: this.folders.get(target.real) ?? target.real };
    } else if (format) yield* this.file(link, target.real, format, false);
    else yield* this.folder(link, target.real, chain, false);
  }

  private async *file(file: string, real: string, format: DocumentFormat, explicit: boolean): AsyncGenerator<WalkEntry> {
    const first = this.files.get(real);
    if (first !== undefined) {
      yield { kind: 'skipped', path: file, reason: 'duplicate', explicit, other: first };
      return;
    }
    this.files.set(real, file);
    yield { kind: 'file', path: file, realPath: real, format, explicit };
  }
}

/** Why a path is not read: a reason of the walk, or of the reading of a file it found. */
export type NotReadReason = SkipReason | 'not-kijun' | 'shift-jis' | 'not-utf8' | 'too-large';

export type ReadDocument =
  | { kind: 'text'; text: string }
  /**
   * Not analysed. `isKijun` tells whether the file is meant as a Kijun document (read as well as its
   * encoding allows); it is true when that cannot be known (unreadable, too large).
   */
  | { kind: 'not-read'; reason: 'shift-jis' | 'not-utf8' | 'too-large' | 'unreadable'; detail?: string; isKijun: boolean };

/**
 * Reads a document file through the one decoder (`decode.ts`). With `maxBytes`, a larger file is not read
 * at all (the language server indexes whole workspaces; the CLI reads everything and lets the core report it).
 */
export async function readDocument(file: string, format: DocumentFormat, options: { maxBytes?: number } = {}): Promise<ReadDocument> {
  try {
    if (options.maxBytes !== undefined) {
      const { size } = await fs.promises.stat(file);
      if (size > options.maxBytes) return { kind: 'not-read', reason: 'too-large', detail: String(options.maxBytes), isKijun: true };
    }
    const decoded = decodeText(await fs.promises.readFile(file));
    if (decoded.checkable) return { kind: 'text', text: decoded.text };
    return { kind: 'not-read', reason: decoded.encoding === 'shift_jis' ? 'shift-jis' : 'not-utf8', isKijun: parseDocument(decoded.text, format).isKijun };
  } catch (error) {
    return { kind: 'not-read', reason: 'unreadable', detail: errorCode(error), isKijun: true };
  }
}

/** Why a path is not read, in words: the same for the CLI's report and the language server's log. */
export function notReadText(reason: NotReadReason, details: { other?: string; detail?: string }, locale: Locale): string {
  const key: InterfaceText = `file.${reason}`;
  return renderText(key, details, locale);
}
