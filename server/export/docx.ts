// The kommuneplan chapter as a Word document a planner pastes into the plan (issue #14), built
// for accessibility (WCAG 2.1 / EN 301 549): real heading styles starting at the level the plan
// needs, no numbers typed into headings (Word's own list numbering on the heading styles when
// asked for), table header rows, alt text on every figure, the document language set, and
// Arial, which LibreOffice renders with the metric-compatible Liberation Sans.
import {
  AlignmentType, Document, ImageRun, LevelFormat, LevelSuffix, LineRuleType, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun,
  WidthType, type IBaseParagraphStyleOptions, type ParagraphChild,
} from 'docx';
import { bandFigureSvg } from '../../shared/export';
import { describeMap } from '../../shared/export';
import { viewGraph } from '../../shared/export';
import {
  planChapterOf, type HeadingLevelOption, type Numbering, type PlanBlock, type PlanChapter, type PlanItem, type Variant,
} from '../../shared/export';
import type { View } from '../../shared';
import type { BoardJson } from '../../shared';
import type { Tier } from '../../shared';
import type { AgreementLogEntry } from '../../shared/export';

export interface DocxOptions {
  view: View;
  lang: 'nb' | 'nn';
  variant?: Variant;
  /** Word heading level of the chapter's own heading (1–3); its sections go one level deeper each. */
  headingLevel?: HeadingLevelOption;
  numbering?: Numbering;
  comments?: boolean;
  /** The server's log of agreements given and withdrawn (#16), for the working variant's appendix. */
  agreementLog?: readonly AgreementLogEntry[];
  /** Renders a band's figure (SVG) to PNG; without it the chapter has no band figures. */
  renderFigure?: (svg: string) => Buffer;
  /** The whole map (exportSvg as PNG), placed after the introduction with describeMap's alt text. */
  mapPng?: Buffer;
}

export const FONT = 'Arial';
/** Text width of an A4 page with 1" margins, in twips, and the figures' width in px at 96 dpi. */
const TEXT_WIDTH_TWIPS = 9026;
const FIGURE_WIDTH_PX = 600;
/** Indikator, Utgangsverdi, Målverdi, Siste verdi, Kilde: wide enough for "Utgangsverdi" in 10 pt bold and "5 måneder (2023)" on two lines at most. */
/** Twips of the indicator table's columns (9026 in all, the text width): the name is the long text; no header or value word is broken. */
export const INDICATOR_COLUMNS = [2600, 1550, 1200, 1200, 1200, 1276];
const HEADINGS_REF = 'malkart-headings';

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, ...o });
const para = (children: ParagraphChild[], o: { keepNext?: boolean; style?: string } = {}) => new Paragraph({ children, ...o });

function headingStyles(numbering: Numbering, top: number): Record<string, IBaseParagraphStyleOptions> {
  const sizes = [32, 28, 26, 24, 22, 22];
  const out: Record<string, IBaseParagraphStyleOptions> = {};
  for (let k = 1; k <= 6; k++) {
    out[`heading${k}`] = {
      run: { font: FONT, bold: true, size: sizes[k - 1], color: '14181F', italics: false },
      paragraph: {
        spacing: { before: k <= 2 ? 360 : 240, after: 120 },
        keepNext: true,
        ...(numbering === 'word' && k >= top ? { numbering: { reference: HEADINGS_REF, level: k - 1 } } : {}),
      },
    };
  }
  return out;
}

/** One multilevel list on the heading styles, counting from the chapter's own level: 1, 1.1, 1.1.1. */
function headingNumbering(top: number) {
  return {
    config: [{
      reference: HEADINGS_REF,
      levels: Array.from({ length: 6 }, (_, k) => ({
        level: k,
        format: LevelFormat.DECIMAL,
        text: k + 1 < top ? '' : Array.from({ length: k + 2 - top }, (_, i) => `%${top + i}`).join('.'),
        alignment: AlignmentType.LEFT,
        // A space after the number, not a tab: "1.2.1.1.1" would jump to the second default tab stop.
        suffix: LevelSuffix.SPACE,
        style: { paragraph: { indent: { left: 0, hanging: 0 } } },
      })),
    }],
  };
}

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { fill: 'E7EBF0', type: ShadingType.CLEAR, color: 'auto' } } : {}),
    margins: { top: 40, bottom: 40, left: 90, right: 90 },
    children: [new Paragraph({ children: [run(text, { bold: header || undefined, size: 20 })] })],
  });
}

function table(header: string[], rows: string[][], widths: number[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, true, widths[i]!)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, widths[i]!)) })),
    ],
  });
}

/** Size of a PNG from its IHDR chunk (bytes 16–23), to keep the figure's aspect ratio. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('a figure is not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** User text with line breaks, as one paragraph's runs. */
const textRuns = (text: string): TextRun[] => text.split(/\r?\n/).map((l, i) => new TextRun({ text: l, break: i ? 1 : 0 }));

const itemRuns = (i: PlanItem): ParagraphChild[] => [
  run(i.title),
  ...(i.detail ? [run(` ${i.detail}`)] : []),
  ...(i.agreement ? [run(` – ${i.agreement}`, { italics: true })] : []),
];
const bullet = (children: ParagraphChild[]) => new Paragraph({ bullet: { level: 0 }, children });

export function chapterBody(
  ch: PlanChapter,
  opts: DocxOptions,
  figures: Partial<Record<Tier, Buffer>> = {},
  map?: { png: Buffer; title: string; description: string },
): (Paragraph | Table)[] {
  const top = opts.headingLevel ?? 1;
  const heading = (text: string, depth: number) =>
    new Paragraph({ style: `Heading${Math.min(top + depth, 6)}`, children: [run(text)] });
  const P = ch.labels;
  const L = ch.exportLabels;
  const body: (Paragraph | Table)[] = [heading(ch.title, 0), ...ch.intro.map((p) => para([run(p)]))];
  const figure = (png: Buffer, f: { title: string; description: string; caption: string }) => {
    const size = pngSize(png);
    body.push(
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: png,
            transformation: { width: FIGURE_WIDTH_PX, height: Math.round((size.height * FIGURE_WIDTH_PX) / size.width) },
            altText: { name: f.title, title: f.title, description: f.description },
          }),
        ],
      }),
      new Paragraph({ style: 'Caption', children: [run(f.caption)] }),
    );
  };
  if (map) figure(map.png, { ...map, caption: map.title });

  const blockOut = (b: PlanBlock) => {
    body.push(heading(b.title, 1 + b.depth));
    if (b.meta) body.push(para([run(b.meta, { italics: true, size: 20 })], { keepNext: true }));
    for (const p of b.paragraphs) body.push(para(textRuns(p)));
    if (b.sentences.length) body.push(para([run(b.sentences.join(' '))]));
    if (b.agreement) body.push(para([run(b.agreement, { italics: true })]));
    for (const list of b.lists) {
      if (list.lead) body.push(para([run(list.lead, { bold: true })], { keepNext: true }));
      body.push(...list.items.map((i) => bullet(itemRuns(i))));
    }
    if (b.indicators.length) {
      const c = P.columns;
      body.push(
        para([run(P.indicatorsLead, { bold: true })], { keepNext: true }),
        table(
          [c.indicator, c.baseline, c.target, c.latest, c.state, c.source],
          b.indicators.map((r) => [r.indicator, r.baseline, r.target, r.latest, r.state, r.source]),
          INDICATOR_COLUMNS,
        ),
        new Paragraph({}),
      );
      const measured = b.indicators.filter((r) => r.series);
      if (measured.length) {
        body.push(
          para([run(P.seriesLead, { bold: true })], { keepNext: true }),
          ...measured.map((r) => bullet([run(`${r.indicator}: `, { bold: true }), run(r.series)])),
        );
      }
      const agreed = b.indicators.filter((r) => r.agreement);
      if (agreed.length) {
        body.push(
          para([run(L.workshop.indicatorAgreements, { bold: true })], { keepNext: true }),
          ...agreed.map((r) => bullet([run(`${r.indicator}: `, { bold: true }), run(r.agreement!)])),
        );
      }
    }
  };

  for (const part of ch.parts) {
    body.push(heading(part.heading, 1));
    body.push(...part.intro.map((p) => para([run(p)])));
    const png = part.figure && figures[part.figure.tier];
    if (part.figure && png) figure(png, part.figure);
    for (const b of part.blocks) blockOut(b);
    if (part.table) body.push(table(part.table.header, part.table.rows, part.table.widths), new Paragraph({}));
    if (part.key === 'divergences') {
      for (const d of ch.divergences) {
        body.push(para([run(`${d.between[0]!.toUpperCase()}${d.between.slice(1)}`, { bold: true })], { keepNext: true }));
        body.push(
          bullet([run(`${L.note}: `, { bold: true }), run(d.note)]),
          bullet([run(`${L.severity}: `, { bold: true }), run(d.severity)]),
          bullet([run(`${L.resolution}: `, { bold: true }), run(d.resolution)]),
        );
      }
    }
  }

  if (ch.agreements) {
    body.push(heading(ch.agreements.heading, 1), para([run(ch.agreements.intro)]));
    for (const list of ch.agreements.lists) {
      body.push(heading(list.heading, 2));
      body.push(...(list.items.length ? list.items.map((i) => bullet([run(i.title), run(` ${i.detail} – ${i.agreement}`)])) : [para([run(L.none)])]));
    }
  }
  if (ch.appendix) {
    body.push(heading(ch.appendix.heading, 1));
    for (const s of ch.appendix.sections) {
      body.push(heading(s.heading, 2));
      if (s.intro) body.push(para([run(s.intro)]));
      body.push(...(s.items.length ? s.items.map((t) => bullet([run(t)])) : [para([run(L.none)])]));
    }
  }
  if (ch.comments) {
    body.push(heading(ch.comments.heading, 1), para([run(ch.comments.intro)]));
    if (ch.comments.empty) body.push(para([run(ch.comments.empty)]));
    for (const group of ch.comments.groups) {
      body.push(heading(group.heading, 2));
      for (const t of group.threads) {
        body.push(para([run(t.subject, { bold: true }), run(` – ${t.status}`)], { keepNext: true }));
        body.push(...t.messages.map((m) => bullet([run(`${m.author}, ${m.at}: `, { bold: true }), ...textRuns(m.text)])));
      }
    }
  }
  return body;
}

export async function exportDocx(board: BoardJson, opts: DocxOptions): Promise<Buffer> {
  const graph = viewGraph(board, opts.view);
  const ch = planChapterOf(board, graph, opts);
  const figures: Partial<Record<Tier, Buffer>> = {};
  if (opts.renderFigure) {
    for (const f of ch.parts.map((p) => p.figure)) if (f) figures[f.tier] = opts.renderFigure(bandFigureSvg(graph, f.tier, opts.lang, f));
  }
  const top = opts.headingLevel ?? 1;
  const numbering = opts.numbering ?? 'none';
  const language = opts.lang === 'nn' ? 'nn-NO' : 'nb-NO';
  const doc = new Document({
    title: ch.title,
    description: ch.intro[0],
    creator: 'Målkart',
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: language } }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
        ...headingStyles(numbering, top),
        caption: { run: { font: FONT, size: 20, italics: true, color: '3D4654' }, paragraph: { spacing: { after: 240 } } },
      },
    },
    ...(numbering === 'word' ? { numbering: headingNumbering(top) } : {}),
    sections: [{ children: chapterBody(ch, opts, figures, opts.mapPng && { png: opts.mapPng, ...describeMap(board, opts) }) }],
  });
  return Packer.toBuffer(doc);
}
