// GET /api/boards/:id/export?format=docx|md|csv|json|svg|png[&snapshot=<sid>][&view=all|stat|kommune][&lang=nb|nn][&table=nodes|edges]
//   [&comments=1]  docx, md and html: add the comment threads as an appendix (working variant)
//   [&variant=publication|working] [&headingLevel=1|2|3] [&numbering=none|word]  docx, html and md: the plan chapter's options
//   (the working variant of the live board lists the agreement log from the audit log in its appendix)
//   (md types the numbers into its headings, as Markdown has no heading numbering)
//   variant=referat&since=<snapshotId>  docx, html, md: the referat of the meeting that began at that snapshot (#20 §2)
// Every format is rendered by the RenderPool's worker threads (503 when it is full, 500 when a render fails).
// Documents for people (md, html, docx, the referat) show comments with the server's stamped times
// and authors (#16 §4); the JSON file is the board's data and keeps what was written.
import { Router, type Request, type Response } from 'express';
import type { BoardJson } from '../../shared';
import { NUMBERINGS, VARIANTS, type HeadingLevelOption, type Numbering, type Variant } from '../../shared/export';
import type { BoardStorage } from '../storage/BoardStorage';
import type { SnapshotService } from '../snapshots/SnapshotService';
import type { RoomManager } from '../sync/RoomManager';
import type { AgreementLogEntry, ReferatParticipant } from '../../shared/export';
import type { AuditLog } from '../audit/AuditLog';
import { parseSnapshotLabel, stampLookup, withCommentStamps } from '../../shared';
import { EXPORT_FORMATS, REFERAT_FORMATS, type ExportFormat } from '../export/exportFormats';
import type { RenderJob } from '../export/renderJob';
import { RenderBusyError, RenderCancelledError, RenderClosedError, RenderFailedError, type RenderPool } from '../export/RenderPool';
import { ApiError } from './errors';
import { InternalError, InvalidError, UnavailableError } from '../errors';
import { access, requireRole } from './boardAccess';

const FORMATS = EXPORT_FORMATS;
type Format = ExportFormat;
const VIEWS = ['all', 'stat', 'kommune'] as const;

const CONTENT_TYPES: Record<Format, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
};

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new InvalidError('invalid_request', `"${name}" must be one of ${allowed.join(', ')}${value === undefined ? '' : `, not "${String(value)}"`}.`);
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

/**
 * Every format goes to the render pool, as even Markdown takes seconds on a large board; without
 * a pool (EXPORT_WORKERS=0) it is rendered here, on the event loop. `owner` is the board, whose
 * exports take turns with other boards' in the pool's queue.
 */
export async function renderExport(
  board: BoardJson,
  format: Format,
  opts: {
    view: 'all' | 'stat' | 'kommune'; lang: 'nb' | 'nn'; table: 'nodes' | 'edges'; comments?: boolean;
    variant?: Variant; headingLevel?: HeadingLevelOption; numbering?: Numbering; agreementLog?: AgreementLogEntry[];
  },
  pool: RenderPool | null = null,
  signal?: AbortSignal,
  limits: { owner?: string; maxPixels?: number } = {},
  referat?: RenderJob['referat'],
): Promise<Buffer> {
  const job: RenderJob = { format, board, opts, maxPixels: limits.maxPixels, ...(referat ? { referat } : {}) };
  return pool ? pool.run(job, signal, limits.owner).catch((err: unknown) => Promise.reject(renderError(format, err))) : renderInProcess(job);
}

/** Without a pool (EXPORT_WORKERS=0): render here; the exporters (docx, PNG) load on first use. */
async function renderInProcess(job: RenderJob): Promise<Buffer> {
  const { renderJob } = await import('../export/renderJob');
  return renderJob(job);
}

function renderError(format: Format, err: unknown): unknown {
  if (err instanceof RenderBusyError) {
    return new UnavailableError('export_busy', 'The server is busy exporting, try again in a moment.');
  }
  // Nobody reads this answer: the client closed the request (499, as nginx logs it).
  if (err instanceof RenderCancelledError) return new ApiError(499, 'cancelled', 'The export was cancelled.');
  if (err instanceof RenderClosedError) {
    return new UnavailableError('shutting_down', 'The server is restarting, so the export was stopped. Try again in a moment.');
  }
  if (err instanceof RenderFailedError) {
    const why = err.message.replace(/\.$/, '');
    return new InternalError('export_failed', `The ${format.toUpperCase()} export could not be made: ${why}. Try again; if it keeps failing, tell the administrator.`);
  }
  return err;
}

/** Who is on the board now, by the names and sides their presence gives (none when the board is not loaded). */
async function participantsNow(rooms: RoomManager | undefined, boardId: string): Promise<ReferatParticipant[]> {
  const room = await rooms?.loaded(boardId);
  if (!room) return [];
  const out: ReferatParticipant[] = [];
  for (const state of room.awareness.getStates().values()) {
    const u = state.user;
    if (u?.name?.trim()) out.push({ name: u.name.trim(), side: u.side ?? null, participantId: u.participantId });
  }
  return out;
}

/** Agreements given and withdrawn, from the server's audit log (#16), oldest first. */
async function agreementLogOf(audit: AuditLog, boardId: string): Promise<AgreementLogEntry[]> {
  const out: AgreementLogEntry[] = [];
  for (const e of await audit.all(boardId)) {
    const side = e.details?.side;
    if ((e.action !== 'agreement.give' && e.action !== 'agreement.withdraw') || !e.target || (side !== 'stat' && side !== 'kommune')) continue;
    out.push({ at: e.at, action: e.action === 'agreement.give' ? 'give' : 'withdraw', targetId: e.target, side, name: e.actor.name, verified: e.actor.verified });
  }
  return out.reverse();
}

export function exportRouter(
  storage: BoardStorage, snapshots: SnapshotService, pool: RenderPool | null, limits: { maxPixels?: number } = {}, rooms?: RoomManager, audit?: AuditLog,
): Router {
  const router = Router({ mergeParams: true });
  router.get('/', requireRole(storage, 'viewer'), async (req, res) => {
    const q = req.query;
    const format = oneOf('format', q.format, FORMATS);
    if (q.variant === 'referat') return sendReferat(req, res, oneOf('format', format, REFERAT_FORMATS));
    const view = oneOf('view', q.view, VIEWS, 'all');
    const table = oneOf('table', q.table, ['nodes', 'edges'] as const, 'nodes');
    const comments = oneOf('comments', q.comments, ['0', '1'] as const, '0') === '1';
    const variant = oneOf('variant', q.variant, VARIANTS, 'working');
    const headingLevel = Number(oneOf('headingLevel', q.headingLevel, ['1', '2', '3'] as const, '1')) as HeadingLevelOption;
    const numbering = oneOf('numbering', q.numbering, NUMBERINGS, 'none');
    const snapshot = typeof q.snapshot === 'string' && q.snapshot ? q.snapshot : 'live';
    const written = await snapshots.board(access(req).board.id, snapshot);
    const board = format === 'json' ? written : withCommentStamps(written, stampLookup(await snapshots.commentStamps(access(req).board.id)));
    const lang = oneOf('lang', q.lang, ['nb', 'nn'] as const, board.meta.language === 'nn' ? 'nn' : 'nb');
    // A client that gives up (the dialog's Cancel, a closed tab) frees its place in the render pool.
    const gone = new AbortController();
    res.on('close', () => res.writableFinished || gone.abort());
    // The working chapter of the board as it is now lists the agreement log (who agreed and when, by the server's record).
    const withLog = audit && variant === 'working' && snapshot === 'live' && (format === 'docx' || format === 'html' || format === 'md');
    const agreementLog = withLog ? await agreementLogOf(audit, access(req).board.id) : undefined;
    const body = await renderExport(
      board, format, { view, lang, table, comments, variant, headingLevel, numbering, ...(agreementLog?.length ? { agreementLog } : {}) },
      pool, gone.signal, { owner: access(req).board.id, ...limits },
    );
    const name = `${slug(board.meta.title)}${view === 'all' ? '' : `-${view}`}${format === 'csv' && table === 'edges' ? '-koblinger' : ''}.${format}`;
    res
      .type(CONTENT_TYPES[format])
      .set('Content-Disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(body);
  });

  /** The referat of a meeting: from the start snapshot (`since`) to the board now. */
  async function sendReferat(req: Request, res: Response, format: (typeof REFERAT_FORMATS)[number]): Promise<void> {
    const q = req.query;
    const since = typeof q.since === 'string' && q.since ? q.since : null;
    if (!since) throw new InvalidError('invalid_request', 'A referat needs "since": the id of the snapshot taken at the start of the meeting.');
    const boardId = access(req).board.id;
    const stamps = stampLookup(await snapshots.commentStamps(boardId));
    const { summary, board: startWritten } = await snapshots.withSummary(boardId, since);
    const start = withCommentStamps(startWritten, stamps);
    const now = withCommentStamps(await snapshots.board(boardId, 'live'), stamps);
    const lang = oneOf('lang', q.lang, ['nb', 'nn'] as const, now.meta.language === 'nn' ? 'nn' : 'nb');
    const name = parseSnapshotLabel(summary.label);
    const label = name.kind === 'meetingStart' ? name.title || REFERAT_DEFAULT_TITLE[lang] : name.kind === 'text' ? name.text : REFERAT_DEFAULT_TITLE[lang];
    const gone = new AbortController();
    res.on('close', () => res.writableFinished || gone.abort());
    const referat = { start, meeting: { label, startedAt: summary.createdAt, endedAt: new Date().toISOString() }, participants: await participantsNow(rooms, boardId) };
    const body = await renderExport(now, format, { view: 'all', lang, table: 'nodes' }, pool, gone.signal, { owner: boardId, ...limits }, referat);
    const file = `referat-${slug(now.meta.title)}-${summary.createdAt.slice(0, 10)}.${format}`;
    res
      .type(CONTENT_TYPES[format])
      .set('Content-Disposition', `attachment; filename="${file}"; filename*=UTF-8''${encodeURIComponent(file)}`)
      .send(body);
  }
  return router;
}

/** The meeting's name when its start snapshot has no title of its own. */
const REFERAT_DEFAULT_TITLE = { nb: 'Partnerskapsmøte', nn: 'Partnarskapsmøte' } as const;
