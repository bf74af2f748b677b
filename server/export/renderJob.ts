import type { MessagePort } from 'node:worker_threads';
// Every export as a plain function of the board and the options, plus the messages a render
// worker exchanges with RenderPool. Even the text formats can take seconds on a large board, so
// the server renders all of them on a worker (see RenderPool).
import type { View } from '../../shared';
import type { BoardJson } from '../../shared';
import { restrictWorkshop } from '../../shared';
import { exportCsv, exportHtml, exportJson, exportMarkdown, exportSvg } from '../../shared/export';
import type { AgreementLogEntry, HeadingLevelOption, Numbering, Variant } from '../../shared/export';
import { withoutXmlIllegal } from '../../shared';
import { buildReferat, referatHtml, referatMarkdown, type ReferatInput } from '../../shared/export';
import { exportDocx } from './docx';
import { referatDocx } from './referatDocx';
import { renderPng } from './png';

import { REFERAT_FORMATS, type ExportFormat } from './exportFormats';
export { EXPORT_FORMATS, REFERAT_FORMATS, type ExportFormat } from './exportFormats';

export interface RenderJob {
  format: ExportFormat;
  board: BoardJson;
  opts: {
    view: View; lang: 'nb' | 'nn'; table?: 'nodes' | 'edges'; comments?: boolean;
    variant?: Variant; headingLevel?: HeadingLevelOption; numbering?: Numbering;
    /** The server's log of agreements (#16): an appendix of the working chapter (docx, html, md). */
    agreementLog?: AgreementLogEntry[];
  };
  /** Largest PNG (and DOCX map picture) in pixels; a larger map is scaled down to fit. */
  maxPixels?: number;
  /** The meeting referat (md, html, docx) instead of the chapter: `board` is the board now. */
  referat?: Omit<ReferatInput, 'now' | 'lang'>;
}

/** The interchange file of one view: its cards, the links between them, and their workshop records. */
function viewJson(board: BoardJson, view: View): string {
  if (view === 'all') return exportJson(board);
  const keep = new Set(board.nodes.filter((n) => n.owner === view || n.owner === 'felles').map((n) => n.id));
  const edges = board.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  const { workshop: _all, ...rest } = board;
  const workshop = restrictWorkshop(board.workshop, keep, new Set(edges.map((e) => e.id)));
  return exportJson({ ...rest, nodes: board.nodes.filter((n) => keep.has(n.id)), edges, ...(workshop ? { workshop } : {}) });
}

export async function renderJob({ format, board: given, opts, maxPixels, referat }: RenderJob): Promise<Buffer> {
  // Characters XML forbids are dropped once here, for the DOCX above all (every exporter drops them too).
  const board = withoutXmlIllegal(given);
  if (referat) {
    const r = buildReferat({ ...referat, start: withoutXmlIllegal(referat.start), now: board, lang: opts.lang });
    if (format === 'md') return Buffer.from(referatMarkdown(r), 'utf8');
    if (format === 'html') return Buffer.from(referatHtml(r), 'utf8');
    if (format === 'docx') return referatDocx(r);
    throw new Error(`a referat is made as ${REFERAT_FORMATS.join(', ')}, not ${format}`);
  }
  switch (format) {
    case 'md':
      return Buffer.from(exportMarkdown(board, opts), 'utf8');
    case 'html':
      return Buffer.from(exportHtml(board, opts), 'utf8');
    case 'csv':
      return Buffer.from(exportCsv(board, { ...opts, table: opts.table ?? 'nodes' }), 'utf8');
    case 'json':
      return Buffer.from(viewJson(board, opts.view), 'utf8');
    case 'svg':
      return Buffer.from(exportSvg(board, opts), 'utf8');
    case 'png':
      return renderPng(exportSvg(board, opts), { maxPixels });
    case 'docx':
      // Figures at twice their print width, so they stay sharp on paper; within the pixel budget.
      return exportDocx(board, { ...opts, renderFigure: (svg) => renderPng(svg, { width: 1200, maxPixels }) });
  }
}

export interface RenderRequest {
  id: number;
  job: RenderJob;
}
export type RenderReply = { id: number; ok: true; bytes: ArrayBuffer } | { id: number; ok: false; message: string };

/** Renders one request into its reply and the buffer to transfer with it (the bytes are moved, not copied). */
export async function answer({ id, job }: RenderRequest): Promise<{ reply: RenderReply; transfer: ArrayBuffer[] }> {
  try {
    const buf = await renderJob(job);
    // A Buffer may be a view into a shared pool; only a buffer that owns all its memory can be moved.
    const owned = buf.buffer instanceof ArrayBuffer && buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength;
    const bytes = owned ? (buf.buffer as ArrayBuffer) : new Uint8Array(buf).buffer;
    return { reply: { id, ok: true, bytes }, transfer: [bytes] };
  } catch (err) {
    return { reply: { id, ok: false, message: err instanceof Error ? err.message : String(err) }, transfer: [] };
  }
}

/** Posts a reply, moving its buffer where Node allows it: Node 22+ refuses to move some buffers
 *  (memory a native renderer handed over: DataCloneError), and those are copied instead. */
export function postReply(port: MessagePort, reply: RenderReply, transfer: ArrayBuffer[]): void {
  try {
    port.postMessage(reply, transfer);
  } catch {
    port.postMessage(reply);
  }
}
