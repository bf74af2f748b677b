// The meeting referat (shared/export/referat.ts) as a Word document a secretary files: real heading
// styles, table header rows that repeat, the document language set, Arial (see docx.ts).
import { Document, LineRuleType, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { Referat, ReferatBlock } from '../../shared/export';
import { FONT } from './docx';

const TEXT_WIDTH_TWIPS = 9026;
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, ...o });

/** Column widths by the table's header: the first column (the card) takes what the others leave. */
function widths(n: number): number[] {
  if (n === 4) return [3000, 1300, 2300, 2426];
  if (n === 3) return [3000, 4026, 2000];
  return Array.from({ length: n }, () => Math.floor(TEXT_WIDTH_TWIPS / n));
}

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { fill: 'E7EBF0', type: ShadingType.CLEAR, color: 'auto' } } : {}),
    margins: { top: 40, bottom: 40, left: 90, right: 90 },
    children: [new Paragraph({ children: [run(text, { bold: header || undefined, size: 20 })] })],
  });
}

function block(b: ReferatBlock): (Paragraph | Table)[] {
  if (b.type === 'p') return [new Paragraph({ children: [run(b.text)] })];
  if (b.type === 'list') return b.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: [run(i)] }));
  // A vote's table starts with the place ("1."): a narrow first column.
  const w = b.header.length === 4 && /^\d+\.$/.test(b.rows[0]?.[0] ?? '') ? [900, 4626, 1700, 1800] : widths(b.header.length);
  return [
    new Table({
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: w,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: b.header.map((h, i) => cell(h, true, w[i]!)) }),
        ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, w[i]!)) })),
      ],
    }),
    new Paragraph({}),
  ];
}

export async function referatDocx(r: Referat): Promise<Buffer> {
  const heading = (text: string, level: 1 | 2) => new Paragraph({ style: `Heading${level}`, children: [run(text)] });
  const body: (Paragraph | Table)[] = [
    heading(r.title, 1),
    ...r.facts.map(([k, v]) => new Paragraph({ children: [run(`${k}: `, { bold: true }), run(v)] })),
  ];
  for (const s of r.sections) body.push(heading(s.heading, 2), ...s.blocks.flatMap(block));
  body.push(new Paragraph({ children: [run(r.closing, { italics: true, size: 20 })] }));
  const doc = new Document({
    title: r.title,
    creator: 'Målkart',
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: r.lang === 'nn' ? 'nn-NO' : 'nb-NO' } }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, bold: true, size: 32, color: '14181F' }, paragraph: { spacing: { after: 200 }, keepNext: true } },
        heading2: { run: { font: FONT, bold: true, size: 26, color: '14181F' }, paragraph: { spacing: { before: 320, after: 120 }, keepNext: true } },
      },
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
