// The kommuneplan chapter as a Word document, built for accessibility (WCAG 2.1 / EN 301 549):
// real heading styles, table header rows, alt text on the map, the document language set.
import {
  Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type ParagraphChild,
} from 'docx';
import { buildChapter, describeMap, type Fact, type Item } from '../../shared/export/index';
import type { View } from '../../shared/readModels';
import type { BoardJson } from '../../shared/types';

const HEADINGS = [
  HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6,
] as const;
const heading = (text: string, depth: number) =>
  new Paragraph({ heading: HEADINGS[Math.min(Math.max(depth, 1), 6) - 1], children: [new TextRun(text)] });

/** Text width of an A4 page with docx's default 1" margins, in twips and in pixels at 96 dpi. */
const TEXT_WIDTH_TWIPS = 9026;
const TEXT_WIDTH_PX = 600;
const INDICATOR_COLUMNS = [2876, 1000, 1350, 1350, 1250, 1200];

const factParagraph = (f: Fact, level = 0) =>
  new Paragraph({ bullet: { level }, children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)] });
const itemRuns = (i: Item, strong = false): ParagraphChild[] => [
  new TextRun({ text: i.title, bold: strong || undefined }),
  new TextRun(` ${i.detail}`),
  ...(i.agreement ? [new TextRun(` – ${i.agreement}`)] : []),
];
const itemParagraph = (i: Item) => new Paragraph({ bullet: { level: 0 }, children: itemRuns(i) });
const lead = (text: string) => new Paragraph({ keepNext: true, children: [new TextRun({ text, bold: true })] });

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ children: [new TextRun({ text, bold: header || undefined })] })],
  });
}

function indicatorTable(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: INDICATOR_COLUMNS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, true, INDICATOR_COLUMNS[i]!)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, INDICATOR_COLUMNS[i]!)) })),
    ],
  });
}

/** Size of a PNG from its IHDR chunk (bytes 16–23), to keep the figure's aspect ratio. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('mapPng is not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** User text that may hold line breaks, as one paragraph's runs. */
const textRuns = (text: string): TextRun[] => text.split(/\r?\n/).map((l, i) => new TextRun({ text: l, break: i ? 1 : 0 }));

export async function exportDocx(board: BoardJson, opts: { view: View; lang: 'nb' | 'nn'; mapPng?: Buffer; comments?: boolean }): Promise<Buffer> {
  const ch = buildChapter(board, opts);
  const L = ch.labels;
  const language = opts.lang === 'nn' ? 'nn-NO' : 'nb-NO';
  const body: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(ch.title)] })];
  body.push(...ch.intro.map((f) => factParagraph(f)));

  if (opts.mapPng) {
    const { title, description } = describeMap(board, opts);
    const size = pngSize(opts.mapPng);
    const width = Math.min(TEXT_WIDTH_PX, size.width);
    body.push(
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: opts.mapPng,
            transformation: { width, height: Math.round((size.height * width) / size.width) },
            altText: { name: L.mapTitle, title, description },
          }),
        ],
      }),
      new Paragraph({ style: 'Caption', children: [new TextRun(`${L.figure} 1: ${title}`)] }),
    );
  }

  for (const s of ch.sections) {
    body.push(heading(`${s.number} ${s.title}`, s.depth));
    for (const para of s.description.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean)) {
      const lines = para.split(/\r?\n/);
      body.push(new Paragraph({ children: lines.map((l, i) => new TextRun({ text: l, break: i ? 1 : 0 })) }));
    }
    body.push(...s.facts.map((f) => factParagraph(f)));
    if (s.strategies.length) body.push(lead(L.strategies), ...s.strategies.map(itemParagraph));
    if (s.measures.length) body.push(lead(L.measures), ...s.measures.map(itemParagraph));
    if (s.indicators.length) {
      const c = L.columns;
      body.push(
        lead(L.indicators),
        indicatorTable(
          [c.indicator, c.unit, c.baseline, c.target, c.latest, c.source],
          s.indicators.map((r) => [r.indicator, r.unit, r.baseline, r.target, r.latest, r.source]),
        ),
        new Paragraph({}),
      );
      const agreed = s.indicators.filter((r) => r.agreement);
      if (agreed.length) {
        body.push(
          lead(L.workshop.indicatorAgreements),
          ...agreed.map((r) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${r.indicator}: `, bold: true }), new TextRun(r.agreement!)] })),
        );
      }
    }
  }

  body.push(heading(L.divergences, 1), new Paragraph(L.divergencesIntro));
  if (!ch.divergences.length) body.push(new Paragraph(L.noDivergences));
  for (const d of ch.divergences) {
    body.push(
      new Paragraph({
        bullet: { level: 0 },
        keepNext: true,
        children: [...itemRuns(d.source, true), new TextRun(` ${d.relation} `), ...itemRuns(d.target, true)],
      }),
      ...d.facts.map((f) => factParagraph(f, 1)),
    );
  }

  body.push(heading(L.coverage, 1));
  for (const list of ch.coverage) {
    body.push(heading(list.heading, 2));
    body.push(...(list.items.length ? list.items.map(itemParagraph) : [new Paragraph(L.none)]));
  }

  if (ch.agreements) {
    body.push(heading(ch.agreements.heading, 1), new Paragraph(ch.agreements.intro));
    for (const list of ch.agreements.lists) {
      body.push(heading(list.heading, 2));
      body.push(...(list.items.length ? list.items.map(itemParagraph) : [new Paragraph(L.none)]));
    }
  }

  if (ch.issues.length) {
    body.push(heading(L.issues, 1), new Paragraph(L.issuesIntro));
    body.push(...ch.issues.map((m) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(m)] })));
  }

  if (ch.comments) {
    body.push(heading(ch.comments.heading, 1), new Paragraph(ch.comments.intro));
    if (ch.comments.empty) body.push(new Paragraph(ch.comments.empty));
    for (const group of ch.comments.groups) {
      body.push(heading(group.heading, 2));
      for (const t of group.threads) {
        body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: t.subject, bold: true }), new TextRun(` – ${t.status}`)] }));
        body.push(
          ...t.messages.map(
            (m) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${m.author}, ${m.at}: `, bold: true }), ...textRuns(m.text)] }),
          ),
        );
      }
    }
  }

  const doc = new Document({
    title: ch.title,
    description: describeMap(board, opts).description,
    creator: 'Målkart',
    styles: { default: { document: { run: { language: { value: language } } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
