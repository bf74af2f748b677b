// The kommuneplan chapter as Markdown (CommonMark with GFM tables): the same plan chapter and
// options as the DOCX and HTML (planChapter.ts), for a plan written in Markdown or pasted into a
// web editor. The band figures are left out (the SVG/PNG export has the map); `numbering=word`
// types the numbers Word's heading list would give, as Markdown has no heading numbering of its own.
import type { View } from '../readModels';
import { withoutXmlIllegal } from '../xmlText';
import type { BoardJson } from '../interchange/schema';
import { viewGraph } from './format';
import type { ExportLang } from './labels';
import type { AgreementLogEntry } from './workshop';
import { planChapterOf, type HeadingLevelOption, type Numbering, type PlanBlock, type PlanItem, type Variant } from './planChapter';

export interface MarkdownOptions {
  view: View;
  lang: ExportLang;
  variant?: Variant;
  headingLevel?: HeadingLevelOption;
  numbering?: Numbering;
  comments?: boolean;
  /** The server's log of agreements given and withdrawn (#16), for the working variant's appendix. */
  agreementLog?: readonly AgreementLogEntry[];
}

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

const item = (i: PlanItem) =>
  `- ${escapeMarkdownLine(i.title)}${i.detail ? ` ${escapeMarkdownInline(i.detail)}` : ''}${i.agreement ? ` – _${escapeMarkdownInline(i.agreement)}_` : ''}`;
const row = (cells: string[]) => `| ${cells.map((c) => escapeMarkdownInline(c) || ' ').join(' | ')} |`;
const table = (header: string[], rows: string[][]) =>
  [row(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(row)].join('\n');
const bold = (text: string) => `**${escapeMarkdownInline(text)}**`;
const italic = (text: string) => `_${escapeMarkdownInline(text)}_`;

export function exportMarkdown(given: BoardJson, opts: MarkdownOptions): string {
  const board = withoutXmlIllegal(given);
  const ch = planChapterOf(board, viewGraph(board, opts.view), opts);
  const top = opts.headingLevel ?? 1;
  const numbered = opts.numbering === 'word';
  const P = ch.labels;
  const L = ch.exportLabels;
  // The chapter's own heading is 1, its parts 1.1, 1.2, their sections 1.1.1 … as in the DOCX's heading list.
  const counters: number[] = [];
  const h = (depth: number, text: string) => {
    counters.length = depth + 1;
    counters[depth] = (counters[depth] ?? 0) + 1;
    for (let i = 0; i < depth; i++) counters[i] ??= 1;
    const number = numbered && top + depth <= 6 ? `${counters.join('.')} ` : '';
    return `${'#'.repeat(Math.min(top + depth, 6))} ${number}${escapeMarkdownInline(text)}`;
  };
  const out: string[] = [h(0, ch.title), ...ch.intro.map(escapeBlock)];

  const block = (b: PlanBlock) => {
    out.push(h(1 + b.depth, b.title));
    if (b.meta) out.push(italic(b.meta));
    for (const p of b.paragraphs) out.push(escapeBlock(p));
    if (b.sentences.length) out.push(escapeMarkdownLine(b.sentences.join(' ')));
    if (b.agreement) out.push(italic(b.agreement));
    for (const list of b.lists) {
      if (list.lead) out.push(bold(list.lead));
      out.push(list.items.map(item).join('\n'));
    }
    if (b.indicators.length) {
      const c = P.columns;
      out.push(
        bold(P.indicatorsLead),
        table([c.indicator, c.baseline, c.target, c.latest, c.state, c.source], b.indicators.map((r) => [r.indicator, r.baseline, r.target, r.latest, r.state, r.source])),
      );
      const measured = b.indicators.filter((r) => r.series);
      if (measured.length) out.push(bold(P.seriesLead), measured.map((r) => `- ${bold(r.indicator)}: ${escapeMarkdownInline(r.series)}`).join('\n'));
      const agreed = b.indicators.filter((r) => r.agreement);
      if (agreed.length) {
        out.push(bold(L.workshop.indicatorAgreements), agreed.map((r) => `- ${escapeMarkdownLine(r.indicator)}: ${escapeMarkdownInline(r.agreement!)}`).join('\n'));
      }
    }
  };

  for (const part of ch.parts) {
    out.push(h(1, part.heading), ...part.intro.map(escapeBlock));
    for (const b of part.blocks) block(b);
    if (part.table) out.push(table(part.table.header, part.table.rows));
    if (part.key === 'divergences') {
      for (const d of ch.divergences) {
        out.push(
          bold(`${d.between[0]!.toUpperCase()}${d.between.slice(1)}`),
          [`- ${bold(`${L.note}:`)} ${escapeMarkdownInline(d.note)}`, `- ${bold(`${L.severity}:`)} ${escapeMarkdownInline(d.severity)}`, `- ${bold(`${L.resolution}:`)} ${escapeMarkdownInline(d.resolution)}`].join('\n'),
        );
      }
    }
  }
  if (ch.agreements) {
    out.push(h(1, ch.agreements.heading), escapeBlock(ch.agreements.intro));
    for (const list of ch.agreements.lists) {
      out.push(h(2, list.heading));
      out.push(list.items.length ? list.items.map((i) => `- ${escapeMarkdownLine(i.title)} ${escapeMarkdownInline(i.detail)} – ${escapeMarkdownInline(i.agreement ?? '')}`).join('\n') : L.none);
    }
  }
  if (ch.appendix) {
    out.push(h(1, ch.appendix.heading));
    for (const s of ch.appendix.sections) {
      out.push(h(2, s.heading));
      if (s.intro) out.push(escapeBlock(s.intro));
      out.push(s.items.length ? s.items.map((t) => `- ${escapeMarkdownLine(t)}`).join('\n') : L.none);
    }
  }
  if (ch.comments) {
    out.push(h(1, ch.comments.heading), escapeBlock(ch.comments.intro));
    if (ch.comments.empty) out.push(ch.comments.empty);
    for (const group of ch.comments.groups) {
      out.push(
        h(2, group.heading),
        group.threads
          .map((t) =>
            [
              `- ${bold(t.subject)} – ${escapeMarkdownInline(t.status)}`,
              ...t.messages.map((m) => `  - ${escapeMarkdownInline(`${m.author}, ${m.at}`)}: ${escapeMarkdownInline(m.text)}`),
            ].join('\n'),
          )
          .join('\n'),
      );
    }
  }
  return `${out.filter(Boolean).join('\n\n')}\n`;
}
