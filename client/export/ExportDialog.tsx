// Export: choose format, view (whole map / the state's line / the municipality's line), document
// language and source (the board now or a snapshot); the server renders the file while a progress
// bar follows the download; the file is saved under the server's name. Cancel aborts at any point.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';
import { ApiError, exportPath, listSnapshots, type SnapshotSummary } from '../api';
import { Modal } from '../ui/Modal';
import { formatDateTime, localeOf } from '../i18n/format';
import { fetchExport, formatBytes, saveBlob } from './download';
import { parseSnapshotLabel } from '../../shared';
import { useSnapshotName } from '../snapshots/snapshotName';
import '../snapshots/snapshots.css';

export const EXPORT_FORMATS: { id: string; key: StringKey; params: Record<string, string> }[] = [
  { id: 'docx', key: 'exportDocx', params: { format: 'docx' } },
  { id: 'html', key: 'exportHtml', params: { format: 'html' } },
  { id: 'md', key: 'exportMd', params: { format: 'md' } },
  // The meeting's referat: documents too, so beside the chapter (the data formats follow).
  { id: 'referat-docx', key: 'exportReferatDocx', params: { format: 'docx', variant: 'referat' } },
  { id: 'referat-html', key: 'exportReferatHtml', params: { format: 'html', variant: 'referat' } },
  { id: 'referat-md', key: 'exportReferatMd', params: { format: 'md', variant: 'referat' } },
  { id: 'csv-nodes', key: 'exportCsvNodes', params: { format: 'csv', table: 'nodes' } },
  { id: 'csv-edges', key: 'exportCsvEdges', params: { format: 'csv', table: 'edges' } },
  { id: 'json', key: 'exportJson', params: { format: 'json' } },
  { id: 'svg', key: 'exportSvg', params: { format: 'svg' } },
  { id: 'png', key: 'exportPng', params: { format: 'png' } },
];

type Run =
  | { phase: 'idle' }
  | { phase: 'waiting' }
  | { phase: 'receiving'; received: number; total: number | null }
  | { phase: 'done'; name: string; size: number }
  | { phase: 'cancelled' }
  | { phase: 'error'; message: string };

interface Props {
  boardId: string;
  token: string;
  /** The snapshot on the canvas, if any: the default source. */
  snapshotId: string | null;
  /** The board's own language, the default document language. */
  boardLanguage: string | undefined;
  onClose(): void;
}

export function ExportDialog({ boardId, token, snapshotId, boardLanguage, onClose }: Props) {
  const { t, lang } = useI18n();
  const locale = localeOf(lang);
  const [format, setFormat] = useState('docx');
  const [view, setView] = useState<'all' | 'stat' | 'kommune'>('all');
  const [docLang, setDocLang] = useState<'nb' | 'nn'>(boardLanguage === 'nn' || boardLanguage === 'nb' ? boardLanguage : lang === 'nn' ? 'nn' : 'nb');
  const [source, setSource] = useState(snapshotId ?? 'live');
  const [withComments, setWithComments] = useState(false);
  // The plan chapter's options (docx, html, md): a planner's defaults are the edition to publish, at
  // Heading 1, with no numbers (the plan's own template numbers its headings).
  const [variant, setVariant] = useState<'publication' | 'working'>('publication');
  const [headingLevel, setHeadingLevel] = useState<'1' | '2' | '3'>('1');
  const [numbering, setNumbering] = useState<'none' | 'word'>('none');
  // The referat runs from a meeting's start snapshot to now: no view, source or chapter options.
  const referat = format.startsWith('referat-');
  const [since, setSince] = useState<string>('');
  const chapterFormat = !referat && (format === 'docx' || format === 'html' || format === 'md');
  // The comment appendix exists in the documents only, and names people: not in the edition to publish.
  const documentFormat = chapterFormat && variant === 'working';
  const snapshotName = useSnapshotName();
  const [snapshots, setSnapshots] = useState<SnapshotSummary[]>([]);
  // Meeting starts, newest first (the list comes newest first).
  const meetingStarts = snapshots.filter((s) => parseSnapshotLabel(s.label).kind === 'meetingStart');
  const sinceId = since || meetingStarts[0]?.id || '';
  const [listError, setListError] = useState<string | null>(null);
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const running = run.phase === 'waiting' || run.phase === 'receiving';

  useEffect(() => {
    listSnapshots(boardId, token)
      .then(setSnapshots)
      .catch((e: unknown) => setListError(t('errorGeneric', { message: e instanceof ApiError ? e.message : String(e) })));
    return () => abort.current?.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, token]);

  const errorText = (e: unknown): string => {
    const err = e instanceof ApiError ? e : null;
    if (!err) return t('exportErrServer', { message: String(e) });
    if (err.status === 0) return t('exportErrNetwork');
    if (err.status === 401 || err.status === 403) return t('exportErrAccess');
    if (err.status === 404) return t('exportErrNotFound', { message: err.message });
    return t('exportErrServer', { message: err.message });
  };

  const start = async () => {
    const f = EXPORT_FORMATS.find((x) => x.id === format)!;
    const params: Record<string, string> = referat ? { ...f.params, lang: docLang, since: sinceId } : { ...f.params, view, lang: docLang };
    if (source !== 'live' && !referat) params.snapshot = source;
    if (withComments && documentFormat) params.comments = '1';
    if (chapterFormat) Object.assign(params, { variant, headingLevel, numbering });
    const controller = new AbortController();
    abort.current = controller;
    setRun({ phase: 'waiting' });
    try {
      const file = await fetchExport(exportPath(boardId, params), token, {
        signal: controller.signal,
        fallbackName: `malkart.${f.params.format}`,
        onProgress: (p) => setRun({ phase: 'receiving', received: p.received, total: p.total }),
      });
      saveBlob(file.blob, file.filename);
      setRun({ phase: 'done', name: file.filename, size: file.blob.size });
    } catch (e) {
      if (controller.signal.aborted) setRun({ phase: 'cancelled' });
      else setRun({ phase: 'error', message: errorText(e) });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  const cancel = () => {
    if (running) abort.current?.abort();
    else onClose();
  };

  // The download button is disabled while a file is made, which takes focus away from it: while it
  // runs, focus waits on «Avbryt» (the one thing to do then); when it ends, it returns to the button
  // that started it (#11 §2: focus never falls to <body> or to the dialog's frame).
  const downloadRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const movedForRun = useRef(false);
  useLayoutEffect(() => {
    const here = document.activeElement;
    const lost = !here || here === document.body || here.classList.contains('mk-modal');
    if (running && (lost || here === downloadRef.current)) {
      cancelRef.current?.focus();
      movedForRun.current = true;
    } else if (!running && movedForRun.current) {
      movedForRun.current = false;
      if (lost || here === cancelRef.current) downloadRef.current?.focus();
    }
  }, [running]);

  let status = '';
  if (run.phase === 'waiting') status = t('exportWaiting');
  else if (run.phase === 'receiving')
    status =
      run.total === null
        ? t('exportReceivingUnknown', { received: formatBytes(run.received, locale) })
        : t('exportReceiving', { received: formatBytes(run.received, locale), total: formatBytes(run.total, locale) });
  else if (run.phase === 'done') status = t('exportDone', { name: run.name, size: formatBytes(run.size, locale) });
  else if (run.phase === 'cancelled') status = t('exportCancelled');

  // Indeterminate (no value) while the server renders or when the length is unknown.
  const bar =
    run.phase === 'done'
      ? { value: run.size, max: run.size || 1 }
      : run.phase === 'receiving' && run.total !== null
        ? { value: run.received, max: run.total }
        : null;

  return (
    <Modal title={t('exportTitle')} onClose={running ? cancel : onClose}>
      <form
        className="mk-export-form"
        data-testid="export-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!running) void start();
        }}
      >
        <label className="mk-field">
          <span>{t('exportFormat')}</span>
          <select value={format} onChange={(e) => setFormat(e.target.value)} disabled={running} data-testid="export-format">
            {EXPORT_FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {t(f.key)}
              </option>
            ))}
          </select>
        </label>
        {referat && (
          <label className="mk-field">
            <span>{t('exportSince')}</span>
            <select value={sinceId} onChange={(e) => setSince(e.target.value)} disabled={running || !meetingStarts.length} data-testid="export-since">
              {meetingStarts.map((s) => (
                <option key={s.id} value={s.id}>
                  {snapshotName.name(s.label)} ({formatDateTime(s.createdAt, lang)}, {s.createdBy})
                </option>
              ))}
            </select>
          </label>
        )}
        {referat && !meetingStarts.length && <p className="mk-muted" data-testid="export-since-none">{t('exportSinceNone')}</p>}
        {!referat && (
        <label className="mk-field">
          <span>{t('exportView')}</span>
          <select value={view} onChange={(e) => setView(e.target.value as typeof view)} disabled={running} data-testid="export-view">
            <option value="all">{t('viewAll')}</option>
            <option value="stat">{t('viewStat')}</option>
            <option value="kommune">{t('viewKommune')}</option>
          </select>
        </label>
        )}
        <label className="mk-field">
          <span>{t('exportLanguage')}</span>
          <select value={docLang} onChange={(e) => setDocLang(e.target.value as 'nb' | 'nn')} disabled={running} data-testid="export-lang">
            <option value="nb">{t('exportLangNb')}</option>
            <option value="nn">{t('exportLangNn')}</option>
          </select>
        </label>
        {!referat && (
        <label className="mk-field">
          <span>{t('exportSource')}</span>
          <select value={source} onChange={(e) => setSource(e.target.value)} disabled={running} data-testid="export-source">
            <option value="live">{t('exportSourceLive')}</option>
            {snapshots.map((s) => (
              <option key={s.id} value={s.id}>
                {snapshotName.name(s.label)} ({formatDateTime(s.createdAt, lang)})
              </option>
            ))}
            {/* The snapshot on the canvas, until the list has arrived. */}
            {source !== 'live' && !snapshots.some((s) => s.id === source) && <option value={source}>{source}</option>}
          </select>
        </label>
        )}
        {chapterFormat && (
          <>
            <label className="mk-field">
              <span>{t('exportVariant')}</span>
              <select value={variant} onChange={(e) => setVariant(e.target.value as typeof variant)} disabled={running} data-testid="export-variant">
                <option value="publication">{t('exportVariantPublication')}</option>
                <option value="working">{t('exportVariantWorking')}</option>
              </select>
            </label>
            <label className="mk-field">
              <span>{t('exportHeadingLevel')}</span>
              <select value={headingLevel} onChange={(e) => setHeadingLevel(e.target.value as typeof headingLevel)} disabled={running} data-testid="export-heading-level">
                {(['1', '2', '3'] as const).map((n) => (
                  <option key={n} value={n}>
                    {t('exportHeadingLevelN', { level: n })}
                  </option>
                ))}
              </select>
            </label>
            <label className="mk-field">
              <span>{t('exportNumbering')}</span>
              <select value={numbering} onChange={(e) => setNumbering(e.target.value as typeof numbering)} disabled={running} data-testid="export-numbering">
                <option value="none">{t('exportNumberingNone')}</option>
                {/* Markdown has no heading numbering of its own: the same numbers are typed into the headings. */}
                <option value="word">{t(format === 'md' ? 'exportNumberingTyped' : 'exportNumberingWord')}</option>
              </select>
            </label>
          </>
        )}
        {documentFormat && (
          <label className="mk-check">
            <input type="checkbox" checked={withComments} onChange={(e) => setWithComments(e.target.checked)} disabled={running} data-testid="export-comments" />
            <span>{t('exportWithComments')}</span>
          </label>
        )}
        {listError && <p className="mk-error">{listError}</p>}

        {run.phase !== 'idle' && run.phase !== 'error' && (
          <div className="mk-export-progress">
            {run.phase !== 'cancelled' && (
              <progress
                aria-label={t('exportProgress')}
                value={bar?.value}
                max={bar?.max}
                data-testid="export-progress"
                data-phase={run.phase}
                data-received={run.phase === 'receiving' ? run.received : run.phase === 'done' ? run.size : undefined}
                data-total={run.phase === 'receiving' ? (run.total ?? undefined) : run.phase === 'done' ? run.size : undefined}
              />
            )}
          </div>
        )}
        <p role="status" className="mk-export-status" data-testid="export-status" data-phase={run.phase}>
          {status}
        </p>
        {run.phase === 'error' && (
          <p role="alert" className="mk-error" data-testid="export-error">
            {run.message}
          </p>
        )}
        <div className="mk-row mk-row-end">
          <button type="button" ref={cancelRef} className="mk-btn" onClick={cancel} data-testid="export-cancel">
            {running ? t('cancel') : t('close')}
          </button>
          <button type="submit" ref={downloadRef} className="mk-btn mk-btn-primary" disabled={running || (referat && !sinceId)} data-testid="export-download">
            {t('exportDownload')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
