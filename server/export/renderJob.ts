// The exports that are too heavy for the event loop (DOCX, PNG), as a plain function of the board
// and the options, plus the messages a render worker exchanges with RenderPool.
import type { MessagePort } from 'node:worker_threads';
import type { View } from '../../shared/readModels';
import type { BoardJson } from '../../shared/types';
import { exportSvg } from '../../shared/export/index';
import type { HeadingLevelOption, Numbering, Variant } from '../../shared/export/planChapter';
import { exportDocx } from './docx';
import { renderPng } from './png';

export interface RenderJob {
  format: 'docx' | 'png';
  board: BoardJson;
  opts: { view: View; lang: 'nb' | 'nn'; comments?: boolean; variant?: Variant; headingLevel?: HeadingLevelOption; numbering?: Numbering };
}

export async function renderJob({ format, board, opts }: RenderJob): Promise<Buffer> {
  if (format === 'png') return renderPng(exportSvg(board, opts));
  // Figures at twice their print width, so they stay sharp on paper.
  return exportDocx(board, { ...opts, renderFigure: (svg) => renderPng(svg, { width: 1200 }) });
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
