// The referat (referat.ts) as Markdown: CommonMark with GFM tables; user text escaped.
import { escapeMarkdownInline as inline, escapeMarkdownLine as line } from './markdown';
import type { Referat, ReferatBlock } from './referat';

const cell = (s: string) => inline(s) || ' ';

function block(b: ReferatBlock): string {
  if (b.type === 'p') return line(b.text);
  if (b.type === 'list') return b.items.map((i) => `- ${line(i)}`).join('\n');
  return [`| ${b.header.map(cell).join(' | ')} |`, `|${b.header.map(() => ' --- ').join('|')}|`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export function referatMarkdown(r: Referat): string {
  const out = [`# ${inline(r.title)}`, r.facts.map(([k, v]) => `- **${inline(k)}:** ${inline(v)}`).join('\n')];
  for (const s of r.sections) out.push(`## ${inline(s.heading)}`, ...s.blocks.map(block));
  out.push(`_${inline(r.closing)}_`);
  return `${out.join('\n\n')}\n`;
}
