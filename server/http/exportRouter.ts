// GET /api/boards/:id/export?format=docx|md|csv|json|svg|png[&snapshot=<sid>][&view=all|stat|kommune][&lang=nb|nn][&table=nodes|edges]
import { Router } from 'express';
import type { BoardJson } from '../../shared/index';
import { exportCsv, exportJson, exportMarkdown, exportSvg } from '../../shared/export/index';
import type { BoardStorage } from '../storage/BoardStorage';
import type { SnapshotService } from '../snapshots/SnapshotService';
import { exportDocx } from '../export/docx';
import { renderPngAsync } from '../export/png';
import { ApiError } from './errors';
import { access, requireRole } from './boardAccess';

const FORMATS = ['docx', 'md', 'csv', 'json', 'svg', 'png'] as const;
type Format = (typeof FORMATS)[number];
const VIEWS = ['all', 'stat', 'kommune'] as const;

const CONTENT_TYPES: Record<Format, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
};

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ApiError(400, 'invalid_request', `"${name}" must be one of ${allowed.join(', ')}${value === undefined ? '' : `, not "${String(value)}"`}.`);
}

/** "Lier: mål for arbeid" → "lier-mal-for-arbeid", for the ASCII file name. */
function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/æ/gi, 'ae').replace(/ø/gi, 'o').replace(/å/gi, 'a')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60);
  return s || 'malkart';
}

export async function renderExport(board: BoardJson, format: Format, opts: { view: 'all' | 'stat' | 'kommune'; lang: 'nb' | 'nn'; table: 'nodes' | 'edges' }): Promise<Buffer | string> {
  switch (format) {
    case 'md':
      return exportMarkdown(board, opts);
    case 'csv':
      return exportCsv(board, opts);
    case 'json': {
      if (opts.view === 'all') return exportJson(board);
      const keep = new Set(board.nodes.filter((n) => n.owner === opts.view || n.owner === 'felles').map((n) => n.id));
      return exportJson({ ...board, nodes: board.nodes.filter((n) => keep.has(n.id)), edges: board.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) });
    }
    case 'svg':
      return exportSvg(board, opts);
    case 'png':
      return renderPngAsync(exportSvg(board, opts));
    case 'docx':
      return exportDocx(board, { ...opts, mapPng: await renderPngAsync(exportSvg(board, opts), { width: 1600 }) });
  }
}

export function exportRouter(storage: BoardStorage, snapshots: SnapshotService): Router {
  const router = Router({ mergeParams: true });
  router.get('/', requireRole(storage, 'viewer'), async (req, res) => {
    const q = req.query;
    const format = oneOf('format', q.format, FORMATS);
    const view = oneOf('view', q.view, VIEWS, 'all');
    const table = oneOf('table', q.table, ['nodes', 'edges'] as const, 'nodes');
    const snapshot = typeof q.snapshot === 'string' && q.snapshot ? q.snapshot : 'live';
    const board = await snapshots.board(access(req).board.id, snapshot);
    const lang = oneOf('lang', q.lang, ['nb', 'nn'] as const, board.meta.language ?? 'nb');
    const body = await renderExport(board, format, { view, lang, table });
    const name = `${slug(board.meta.title)}${view === 'all' ? '' : `-${view}`}${format === 'csv' && table === 'edges' ? '-koblinger' : ''}.${format}`;
    res
      .type(CONTENT_TYPES[format])
      .set('Content-Disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(body);
  });
  return router;
}
