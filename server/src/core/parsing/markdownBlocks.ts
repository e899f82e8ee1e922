import MarkdownIt from 'markdown-it';

/**
 * The block structure of a Markdown body, as CommonMark defines it, from markdown-it: which lines
 * are headings, paragraphs, comments or code, and whether they stand inside a list or a block quote.
 * markdown-it is the parser VS Code's own Markdown support uses, and it ships CommonJS, which the
 * core's build (tsc, CommonJS) and the esbuild bundles need.
 */

export type BlockKind = 'heading' | 'paragraph' | 'comment' | 'code' | 'other';

/** What encloses a block: nothing, a list item, or a block quote (which wins when both do). */
export type Container = 'none' | 'list' | 'quote';

export interface MarkdownBlock {
  kind: BlockKind;
  /** Lines of the body, 0-based, from `start` up to but not including `end`. */
  start: number;
  end: number;
  container: Container;
  /** Headings only: the level (1–6), whether it is underlined (setext), and its text as markdown-it read it. */
  level?: number;
  setext?: boolean;
  text?: string;
}

export interface MarkdownStructure {
  blocks: MarkdownBlock[];
  /**
   * What closes a code fence or HTML comment that the body leaves open at its end (```, -->):
   * text appended after it would be code or comment until then.
   */
  openAtEnd?: string;
}

let parser: InstanceType<typeof MarkdownIt> | undefined;

function blockParser(): InstanceType<typeof MarkdownIt> {
  if (!parser) {
    parser = new MarkdownIt('commonmark');
    // Only the blocks are needed: inline parsing (emphasis, links) of every paragraph would be
    // wasted work on each edit of a long standard.
    parser.core.ruler.disable(['inline', 'text_join']);
  }
  return parser;
}

/** The lines of the body, as the caller indexes them. */
export interface BodyLines {
  /** The body line that holds an offset into the body. */
  lineAt(offset: number): number;
  text(line: number): string;
}

/**
 * The blocks of `body`. The body is parsed section by section, cut before each line that begins
 * with `#` at its first column: such a heading cannot belong to a block above it unless that block
 * is a code fence or an HTML block left open, and a section whose last block is one of those is
 * parsed together with what follows. Parsing in sections gives the same blocks as parsing the body
 * whole, and is faster on long standards (markdown-it slows down on very long token lists).
 */
export function markdownStructure(body: string, lines: BodyLines, options: { sections?: boolean } = {}): MarkdownStructure {
  const starts = options.sections === false ? [0] : sectionStarts(body);
  const blocks: MarkdownBlock[] = [];
  let openAtEnd: string | undefined;
  for (let s = 0; s < starts.length; s++) {
    let next = s + 1;
    let section = parseSection(body, starts, s, next, lines);
    // A fence holding `# comment` lines runs on: take twice as many sections each time, so that even a
    // fence left open at the top of a long standard costs no more than about two parses of the body.
    while (section.runsOn && next < starts.length) {
      next = Math.min(starts.length, s + 2 * (next - s));
      section = parseSection(body, starts, s, next, lines);
    }
    blocks.push(...section.blocks);
    openAtEnd = section.openAtEnd;
    s = next - 1;
  }
  return { blocks, openAtEnd };
}

/** Offsets where sections begin: the body's start, and each line that begins with an ATX heading marker. */
function sectionStarts(body: string): number[] {
  const starts = [0];
  const heading = /^#{1,6}(?=[ \t\r\n]|$)/gm;
  for (let m = heading.exec(body); m; m = heading.exec(body)) {
    // `^` also matches after U+2028 and U+2029, which begin no line for CommonMark.
    const before = body.charCodeAt(m.index - 1);
    if (m.index > 0 && (before === 10 || before === 13)) starts.push(m.index);
  }
  return starts;
}

interface SectionBlocks extends MarkdownStructure {
  /** The last top-level block is a fence or HTML block that the section's end does not close: it may run on below. */
  runsOn: boolean;
}

function parseSection(body: string, starts: number[], from: number, to: number, lines: BodyLines): SectionBlocks {
  const start = starts[from];
  const end = to < starts.length ? starts[to] : body.length;
  const firstLine = lines.lineAt(start);
  const lineCount = to < starts.length ? lines.lineAt(end) - firstLine : Number.MAX_SAFE_INTEGER;
  const tokens = blockParser().parse(body.slice(start, end), {});
  const blocks: MarkdownBlock[] = [];
  let quotes = 0;
  let lists = 0;
  let openAtEnd: string | undefined;
  let runsOn = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'blockquote_open') quotes++;
    else if (token.type === 'blockquote_close') quotes--;
    else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') lists++;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') lists--;
    if (!token.map || !isLeaf(token.type)) continue;
    const blockStart = firstLine + token.map[0];
    const blockEnd = firstLine + token.map[1];
    const container: Container = quotes > 0 ? 'quote' : lists > 0 ? 'list' : 'none';
    const block: MarkdownBlock = { kind: kindOf(token.type, token.content), start: blockStart, end: blockEnd, container };
    if (token.type === 'heading_open') {
      block.level = Number(token.tag.slice(1));
      block.setext = token.markup === '=' || token.markup === '-';
      block.text = tokens[i + 1]?.content ?? '';
    }
    blocks.push(block);
    openAtEnd = container === 'none' ? leftOpen(token.type, token.markup, token.content, blockStart, blockEnd, lines) : undefined;
    runsOn = container === 'none' && token.map[1] >= lineCount && (openAtEnd !== undefined || isOpenHtmlBlock(token.type, token.content));
  }
  return { blocks, openAtEnd, runsOn };
}

function isLeaf(type: string): boolean {
  return type === 'heading_open' || type === 'paragraph_open' || type === 'html_block' || type === 'code_block' || type === 'fence' || type === 'hr';
}

function kindOf(type: string, content: string): BlockKind {
  if (type === 'heading_open') return 'heading';
  if (type === 'paragraph_open') return 'paragraph';
  if (type === 'code_block') return 'code';
  if (type === 'html_block' && commentState(content) !== 'not-comment') return 'comment';
  return 'other';
}

/**
 * Whether an HTML block that reaches the end of its section would go on into the next line: the
 * kinds that end at a marker (`-->`, `?>`, `>`, `]]>`, `</script>` and the like) unless their last
 * line has it, the others (`<div>`, any other tag) until a blank line.
 */
function isOpenHtmlBlock(type: string, content: string): boolean {
  if (type !== 'html_block') return false;
  const trimmed = content.trimEnd();
  const last = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
  const first = content.trimStart();
  if (/^<(?:script|pre|style|textarea)(?:\s|>|$)/i.test(first)) return !/<\/(?:script|pre|style|textarea)>/i.test(last);
  if (first.startsWith('<!--')) return commentState(content) === 'open';
  if (first.startsWith('<?')) return !last.includes('?>');
  if (first.startsWith('<![CDATA[')) return !last.includes(']]>');
  if (/^<![A-Za-z]/.test(first)) return !last.includes('>');
  return true;
}

/** Whether an HTML block holds nothing but comments, and whether the last of them is closed. */
function commentState(content: string): 'closed' | 'open' | 'not-comment' {
  let rest = content.trimStart();
  if (!rest.startsWith('<!--')) return 'not-comment';
  while (rest.startsWith('<!--')) {
    // As in CommonMark, `<!-->` and `<!--->` are whole comments: the search starts inside the opener.
    const close = rest.indexOf('-->', 2);
    if (close < 0) return 'open';
    rest = rest.slice(close + 3).trimStart();
  }
  return rest === '' ? 'closed' : 'not-comment';
}

/** The closing text a top-level fence or comment still needs, when it runs to the end of the body unclosed. */
function leftOpen(type: string, markup: string, content: string, start: number, end: number, lines: BodyLines): string | undefined {
  if (type === 'fence') {
    const closing = new RegExp(`^ {0,3}${markup[0] === '`' ? '`' : '~'}{${markup.length},}[ \\t]*$`);
    return end - start >= 2 && closing.test(lines.text(end - 1)) ? undefined : markup;
  }
  if (type === 'html_block' && commentState(content) === 'open') return '-->';
  return undefined;
}
