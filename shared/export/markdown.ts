// The kommuneplan chapter as Markdown (CommonMark with GFM tables).
import type { View } from '../readModels';
import { withoutXmlIllegal } from '../xmlText';
import type { BoardJson } from '../interchange/schema';
import { buildChapter, type Fact, type Item } from './chapter';

const ALWAYS = /[\\`*_[\]<>|~#]/g;

/** Escapes user text inside a line of Markdown: newlines become spaces, markup characters lose their meaning. */
export function escapeMarkdownInline(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return flat.replace(ALWAYS, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
}

/** The same for text that starts a line or list item: it must not start a list, setext underline or ordered list. */
export function escapeMarkdownLine(text: string): string {
  const line = escapeMarkdownInline(text);
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${line.slice(ordered[0].length)}`;
  return /^[-+=]/.test(line) ? `\\${line}` : line;
}

/** Paragraphs kept; single line breaks become hard breaks. */
function escapeBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((l) => escapeMarkdownLine(l))
        .filter(Boolean)
        .join('\\\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

const item = (i: Item, strong = false) =>
  `${strong ? `**${escapeMarkdownInline(i.title)}**` : escapeMarkdownLine(i.title)} ${escapeMarkdownInline(i.detail)}` +
  (i.agreement ? ` – ${escapeMarkdownInline(i.agreement)}` : '');
const fact = (f: Fact) => `- **${escapeMarkdownInline(f.label)}:** ${escapeMarkdownInline(f.value)}`;
const row = (cells: string[]) => `| ${cells.map(escapeMarkdownInline).join(' | ')} |`;

export function exportMarkdown(board: BoardJson, opts: { view: View; lang: 'nb' | 'nn'; comments?: boolean }): string {
  const ch = buildChapter(withoutXmlIllegal(board), opts);
  const L = ch.labels;
  const blocks: string[] = [`# ${escapeMarkdownInline(ch.title)}`, ch.intro.map(fact).join('\n')];

  for (const s of ch.sections) {
    blocks.push(`${'#'.repeat(Math.min(s.depth + 1, 6))} ${s.number} ${escapeMarkdownInline(s.title)}`);
    const description = escapeBlock(s.description);
    if (description) blocks.push(description);
    blocks.push(s.facts.map(fact).join('\n'));
    if (s.strategies.length) blocks.push(`**${L.strategies}**`, s.strategies.map((i) => `- ${item(i)}`).join('\n'));
    if (s.measures.length) blocks.push(`**${L.measures}**`, s.measures.map((i) => `- ${item(i)}`).join('\n'));
    if (s.indicators.length) {
      const c = L.columns;
      blocks.push(
        `**${L.indicators}**`,
        [
          row([c.indicator, c.unit, c.baseline, c.target, c.latest, c.source]),
          `| ${Array(6).fill('---').join(' | ')} |`,
          ...s.indicators.map((r) => row([r.indicator, r.unit, r.baseline, r.target, r.latest, r.source])),
        ].join('\n'),
      );
      const agreed = s.indicators.filter((r) => r.agreement);
      if (agreed.length) {
        blocks.push(
          `**${L.workshop.indicatorAgreements}**`,
          agreed.map((r) => `- ${escapeMarkdownLine(r.indicator)}: ${escapeMarkdownInline(r.agreement!)}`).join('\n'),
        );
      }
    }
  }

  blocks.push(`## ${L.divergences}`, L.divergencesIntro);
  if (!ch.divergences.length) blocks.push(L.noDivergences);
  else {
    blocks.push(
      ch.divergences
        .map((d) =>
          [`- ${item(d.source, true)} ${d.relation} ${item(d.target, true)}`, ...d.facts.map((f) => `  ${fact(f)}`)].join('\n'),
        )
        .join('\n'),
    );
  }

  blocks.push(`## ${L.coverage}`);
  for (const list of ch.coverage) {
    blocks.push(`### ${list.heading}`, list.items.length ? list.items.map((i) => `- ${item(i)}`).join('\n') : L.none);
  }

  if (ch.agreements) {
    blocks.push(`## ${ch.agreements.heading}`, ch.agreements.intro);
    for (const list of ch.agreements.lists) {
      blocks.push(`### ${list.heading}`, list.items.length ? list.items.map((i) => `- ${item(i)}`).join('\n') : L.none);
    }
  }

  if (ch.issues.length) {
    blocks.push(`## ${L.issues}`, L.issuesIntro, ch.issues.map((m) => `- ${escapeMarkdownLine(m)}`).join('\n'));
  }

  if (ch.comments) {
    blocks.push(`## ${ch.comments.heading}`, ch.comments.intro);
    if (ch.comments.empty) blocks.push(ch.comments.empty);
    for (const group of ch.comments.groups) {
      blocks.push(
        `### ${group.heading}`,
        group.threads
          .map((t) =>
            [
              `- **${escapeMarkdownInline(t.subject)}** – ${escapeMarkdownInline(t.status)}`,
              ...t.messages.map((m) => `  - ${escapeMarkdownInline(`${m.author}, ${m.at}`)}: ${escapeMarkdownInline(m.text)}`),
            ].join('\n'),
          )
          .join('\n'),
      );
    }
  }
  return `${blocks.filter(Boolean).join('\n\n')}\n`;
}
