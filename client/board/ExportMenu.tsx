// Downloads of the live board: the kommuneplan chapter (DOCX), Markdown, CSV, JSON, SVG and PNG,
// for the whole map or one owner's reporting line. The server renders them.
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';
import { exportUrl } from '../api';

const FORMATS: { key: StringKey; params: Record<string, string> }[] = [
  { key: 'exportDocx', params: { format: 'docx' } },
  { key: 'exportMd', params: { format: 'md' } },
  { key: 'exportCsvNodes', params: { format: 'csv', table: 'nodes' } },
  { key: 'exportCsvEdges', params: { format: 'csv', table: 'edges' } },
  { key: 'exportJson', params: { format: 'json' } },
  { key: 'exportSvg', params: { format: 'svg' } },
  { key: 'exportPng', params: { format: 'png' } },
];

export function ExportMenu({ boardId, token }: { boardId: string; token: string }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<'all' | 'stat' | 'kommune'>('all');
  const docLang = lang === 'nn' ? 'nn' : 'nb';
  return (
    <div className="mk-filter">
      <button type="button" className="mk-btn" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('exportTitle')}
      </button>
      {open && (
        <div className="mk-popover mk-export-pop" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)} data-testid="export-menu">
          <label className="mk-field">
            <span>{t('exportView')}</span>
            <select value={view} onChange={(e) => setView(e.target.value as typeof view)}>
              <option value="all">{t('viewAll')}</option>
              <option value="stat">{t('viewStat')}</option>
              <option value="kommune">{t('viewKommune')}</option>
            </select>
          </label>
          <ul className="mk-list">
            {FORMATS.map((f) => (
              <li key={f.key}>
                <a className="mk-menu-item" href={exportUrl(boardId, token, { ...f.params, view, lang: docLang })} download data-format={f.params.format}>
                  {t(f.key)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
