/**
 * Code examples in Markdown and MDX: fenced blocks (```` ```tsx ```` … ```` ``` ````, or `~~~`), with
 * the language and the rest of the info string. A block whose info string says `nocheck: <why>` is
 * shown to readers but not compiled (for a fragment that is partial on purpose; say why).
 */

/** One fenced code block. */
export interface CodeBlock {
  /** The doc file, relative to the repository root. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The language, lower case (`tsx`, `js`, `html`, …); empty when the fence names none. */
  lang: string;
  /** The rest of the info string after the language. */
  meta: string;
  /** The block's text, without the fence's indentation. */
  code: string;
}

const OPEN = /^( *)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/;

/** Every fenced block of `text` (the content of `file`), in order. */
export function fencedBlocks(file: string, text: string): CodeBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', lang = '', meta = ''] = open;
    const close = new RegExp(`^ *${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j]!); j++) {
      // Content is indented like its fence (inside a list item); take that indentation off.
      const line = lines[j]!;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    blocks.push({ file, line: i + 1, lang: lang.toLowerCase(), meta: meta.trim(), code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** Why a block is not compiled (`nocheck: …` in its info string), or undefined when it is. */
export function optOutReason(block: CodeBlock): string | undefined {
  const match = /\bnocheck\b:?\s*(.*)$/.exec(block.meta);
  return match ? match[1]!.trim() : undefined;
}
