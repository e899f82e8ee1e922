import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CoverageReport, DocumentFormat, formatOf, LineIndex, Locale, SnippetTemplate, TextChange, Workspace } from '../core';
import type { CompletionCapabilities } from './features/completion';
import { Settings } from './settings';

/**
 * What every feature of the server shares: the connection, the editor's open documents, the
 * workspace of the core (replaced when the client initialises), settings and locale. Each file of
 * `features/` registers its handlers against this and holds no rules of its own.
 */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  workspace(): Workspace;
  settings(): Settings;
  locale(): Locale;
  /** Whether the first indexing of the workspace folders has finished. */
  indexedOnce(): boolean;
  /** The texts of the bundled guidelines, by the URI the client sees them under. */
  readonly bundledTexts: Map<string, string>;
  /** Coverage from the last check of each open document, to rank completion items. */
  readonly lastCoverage: Map<string, CoverageReport | undefined>;
  /** The static snippets of the package, by document format. */
  readonly snippetTemplates: Record<DocumentFormat, SnippetTemplate[]>;
  /** The client's own commands the server may invoke (`initializationOptions.commands`). */
  readonly clientCommands: Set<string>;
  /** What the editor said it can do with completion items (label details, snippets). */
  clientCapabilities(): CompletionCapabilities;
  log(message: string): void;
  /** The editor's last edit of a document as offsets (taken once), when it was a single change. */
  takeChange(uri: string): TextChange | undefined;
}

export function formatFor(uri: string, languageId?: string): DocumentFormat | undefined {
  return formatOf(uri) ?? (languageId === 'markdown' ? 'markdown' : languageId === 'yaml' ? 'yaml' : undefined);
}

/** Brings the workspace up to date with an open document before a request reads it. */
export function ready(context: ServerContext, uri: string): { lines: LineIndex; text: string } | undefined {
  const workspace = context.workspace();
  const document = context.documents.get(uri);
  const format = document && formatFor(uri, document.languageId);
  if (document && format) workspace.set(uri, document.getText(), format, document.version);
  const text = workspace.text(uri);
  const lines = workspace.lines(uri);
  return text !== undefined && lines ? { lines, text } : undefined;
}
