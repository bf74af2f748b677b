// Measured values from CSV in the client (issue #14 §4): paste or pick a file, see the same
// preview the API's dry run gives (shared/indicators/csvImport.ts) — matched rows, and unmatched
// rows with row and column — then import the matched ones as one edit of this person's (undoable).
import { useId, useMemo, useState } from 'react';
import { previewCsv, readAllSeries, readGraph, setIndicatorValues } from '../../../shared';
import { useI18n } from '../../i18n/I18nProvider';
import { useBoardContext } from '../BoardContext';
import { Modal } from '../../ui/Modal';

export function CsvImportDialog({ onClose }: { onClose: () => void }) {
  const { t, pick } = useI18n();
  const { store, actions } = useBoardContext();
  const id = useId();
  const [text, setText] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const preview = useMemo(() => (text.trim() ? previewCsv(text, readGraph(store.doc), readAllSeries(store.doc)) : null), [text, store.doc]);
  const problems = preview ? [...preview.fileErrors, ...preview.unmatched.flatMap((u) => u.errors)] : [];

  const importNow = () => {
    if (!preview?.matched.length) return;
    const r = setIndicatorValues(store.doc, preview.matched.map((m) => ({ indicatorId: m.indicatorId, value: m.value })), actions.origin);
    setDone(r.ok ? t('csvImported', { count: preview.matched.length }) : pick(r.message));
    if (r.ok) setText('');
  };

  return (
    <Modal title={t('csvTitle')} onClose={onClose} wide>
      <p id={`${id}-help`}>{t('csvHelp')}</p>
      <label htmlFor={`${id}-file`}>{t('csvFile')}</label>{' '}
      <input id={`${id}-file`} type="file" accept=".csv,text/csv,text/plain" onChange={async (e) => setText((await e.target.files?.[0]?.text()) ?? '')} />
      <label htmlFor={`${id}-text`} className="mk-block-label">{t('csvPaste')}</label>
      <textarea id={`${id}-text`} rows={6} value={text} aria-describedby={`${id}-help`} onChange={(e) => { setText(e.target.value); setDone(null); }} data-testid="csv-text" />
      {preview && (
        <div role="status" data-testid="csv-preview">
          <p>{t('csvPreview', { matched: preview.matched.length, unmatched: preview.unmatched.length })}</p>
          {preview.matched.length > 0 && (
            <table className="mk-series-table">
              <caption className="mk-visually-hidden">{t('csvMatchedCaption')}</caption>
              <thead><tr><th scope="col">{t('csvRow')}</th><th scope="col">{t('csvIndicator')}</th><th scope="col">{t('seriesPeriod')}</th><th scope="col">{t('seriesValue')}</th></tr></thead>
              <tbody>
                {preview.matched.map((m) => (
                  <tr key={m.row}><td>{m.row}</td><td>{m.indicatorTitle}</td><td>{m.value.period}</td><td>{m.value.value}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          {problems.length > 0 && (
            <ul className="mk-csv-errors" data-testid="csv-errors">
              {problems.map((e, i) => (
                <li key={i}>{t(e.column ? 'csvErrorAt' : 'csvErrorRow', { row: e.row, column: e.column ?? '' })} {pick(e.message)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {done && <p role="status">{done}</p>}
      <div className="mk-row">
        <button type="button" className="mk-btn mk-btn-primary" disabled={!preview?.matched.length || !!preview.fileErrors.length} onClick={importNow} data-testid="csv-import">
          {t('csvImport', { count: preview?.matched.length ?? 0 })}
        </button>
        <button type="button" className="mk-btn" onClick={onClose}>{t('csvClose')}</button>
      </div>
    </Modal>
  );
}
