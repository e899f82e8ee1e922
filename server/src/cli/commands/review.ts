import * as fs from 'fs';
import * as path from 'path';
import { changesSince, fieldList, Locale, renderText, reviewLinks, reviewRecordEdit, words, Workspace } from '../../core';
import { localeFromEnvironment } from '../../node/bundled';
import { oneOf, parseFlags, UsageError } from '../arguments';
import { readInputs } from '../inputs';
import { CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../io';

export interface ReviewOptions {
  paths: string[];
  /** Record the current fingerprints of every link (writes the review records). */
  accept: boolean;
  locale: Locale;
}

export function parseReviewArguments(args: string[], env: NodeJS.ProcessEnv): ReviewOptions | 'help' {
  const parsed = parseFlags(args, { '--accept': 'switch', '--locale': 'value' });
  if (parsed.help) return 'help';
  return {
    paths: parsed.positionals.length ? parsed.positionals : ['.'],
    accept: parsed.values.get('--accept') === true,
    locale: oneOf(parsed, '--locale', ['ja', 'en'] as const, localeFromEnvironment(env), 'cli.bad-locale'),
  };
}

/**
 * `kijun review [paths…]`: for each standard, how many of its links are reviewed, suspect or not reviewed.
 * `kijun review --accept [paths…]`: records the current fingerprint of every link in each standard's review
 * record (README, "Reviewed links") — one of the two commands of the CLI that write a user's file.
 */
export async function review(options: ReviewOptions, io: CliIo): Promise<number> {
  const inputs = await readInputs({ paths: options.paths, locale: options.locale, verbose: false }, io.cwd);
  const say = (text: string): void => io.stdout(`${text}\n`);
  for (const s of inputs.skipped) io.stderr(`kijun: ${renderText(s.failing ? 'cli.not-checked' : 'cli.skipped', { path: s.path, reason: s.message }, options.locale)}\n`);
  let status = inputs.skipped.some((s) => s.failing) ? EXIT_USAGE : EXIT_OK;
  const standards = inputs.documents.filter((d) => inputs.workspace.model(d)?.kind === 'standard').sort();
  for (const document of standards) {
    const outcome = options.accept ? accept(inputs.workspace, document, io.cwd, options.locale) : { lines: linkStates(inputs.workspace, document, options.locale), failed: false };
    for (const line of outcome.lines) say(line);
    if (outcome.failed) status = Math.max(status, EXIT_FINDINGS);
  }
  return status;
}

/** Records the standard's links; says what was written, or why nothing was. */
function accept(workspace: Workspace, document: string, cwd: string, locale: Locale): { lines: string[]; failed: boolean } {
  const edit = reviewRecordEdit(workspace, document);
  if (!edit) return { lines: [renderText('review.no-guideline', { path: document }, locale)], failed: true };
  const file = path.resolve(cwd, edit.uri);
  const standard = workspace.model(document)?.id?.value ?? '';
  // A new record must not overwrite a file that is something else (another standard's record, a document of the user's).
  if (!edit.exists && fs.existsSync(file)) return { lines: [renderText('review.record-taken', { path: document, file: edit.uri, standard }, locale)], failed: true };
  if (edit.exists && workspace.text(edit.uri) === edit.text) return { lines: [renderText('review.up-to-date', { path: document, file: edit.uri, links: edit.links }, locale)], failed: false };
  try {
    fs.writeFileSync(file, edit.text);
  } catch (error) {
    throw new UsageError('cli.cannot-write', { path: edit.uri, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  workspace.set(edit.uri, edit.text, 'yaml');
  return { lines: [renderText('review.written', { path: document, file: edit.uri, links: edit.links }, locale)], failed: false };
}

/** How many of the standard's links are reviewed, suspect and not reviewed, and each suspect one with what changed. */
function linkStates(workspace: Workspace, document: string, locale: Locale): string[] {
  const model = workspace.model(document);
  const catalog = workspace.catalogFor(document);
  if (model?.kind !== 'standard' || !model.id || !catalog) return [renderText('review.no-guideline', { path: document }, locale)];
  const record = workspace.reviewRecords(model.id.value)[0];
  const links = reviewLinks(model, catalog, record?.model);
  const count = (state: string) => links.filter((l) => l.state === state).length;
  const lines = [renderText('review.status', { path: document, reviewed: count('reviewed'), suspect: count('suspect'), unreviewed: count('unreviewed'), record: record?.uri }, locale)];
  for (const link of links) {
    if (link.state !== 'suspect' || !link.reviewed) continue;
    const snapshot = record?.model.snapshots.get(link.reviewed);
    const fields = snapshot ? changesSince(snapshot, catalog, link.item) : [];
    lines.push(renderText('review.suspect-line', {
      clause: link.clause.id?.value ?? '',
      item: link.item.id.value,
      changes: fields.length ? fieldList(fields) : words['normative-content'],
      reviewed: link.reviewed,
    }, locale));
  }
  return lines;
}
