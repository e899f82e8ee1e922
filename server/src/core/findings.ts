import type { Span } from './text';
import type { InterfaceText, MessageArgs, MessageCode } from './messages';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A suggested replacement that a quick fix can apply as it is. */
export interface Replacement {
  span: Span;
  newText: string;
  /** The quick fix's title, when "Replace with …" would not say what it does (an insertion, a re-indentation). */
  title?: { key: InterfaceText; args: MessageArgs };
}

/**
 * One thing Kijun reports about a document. `code` is stable (it names the rule and its
 * message); the text of the message is rendered per locale at the edge, from `args`.
 */
export interface Finding {
  code: MessageCode;
  severity: Severity;
  span: Span;
  args: MessageArgs;
  /** Set when the fix is unambiguous (e.g. the "did you mean" suggestion). */
  replacement?: Replacement;
  /** Other fixes the author may choose instead (e.g. one per item that replaces an item of an earlier edition). */
  alternatives?: Replacement[];
  /** The guideline item a coverage finding is about, for quick fixes and navigation. */
  itemId?: string;
  /** Other places that explain the finding (e.g. the item's definition in its guideline), as LSP relatedInformation. */
  related?: RelatedLocation[];
}

/** A place in another document (or a bundled guideline) that a finding refers to, with a short caption. */
export interface RelatedLocation {
  uri: string;
  span: Span;
  caption: { key: InterfaceText; args: MessageArgs };
}

export function finding(
  code: MessageCode,
  severity: Severity,
  span: Span,
  args: MessageArgs = {},
  extra: Pick<Finding, 'replacement' | 'alternatives' | 'itemId' | 'related'> = {},
): Finding {
  return { code, severity, span, args, ...extra };
}

/**
 * A finding about a name that does not resolve, with the "did you mean" suggestion in its
 * arguments and, when there is one, as the replacement a quick fix applies.
 */
export function unknownName(code: MessageCode, span: Span, args: MessageArgs, suggestion: string | undefined): Finding {
  return finding(code, 'error', span, { ...args, suggestion }, suggestion ? { replacement: { span, newText: suggestion } } : {});
}
