// What the partnership has agreed: avtalt by both, agreed by one side only, and still open.
// Each entry jumps to its card.
import { useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { NODE_KIND_LABELS, SIDE_LABELS, agreementSummary, type AgreementSummaryItem } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from '../board/BoardContext';
import { focusCard } from '../ui/focusCard';
import type { StringKey } from '../i18n/strings';
import { useWorkshop, useWorkshopVersion } from './WorkshopContext';

export function AgreementPanel() {
  const { t, pick } = useI18n();
  const { ws } = useWorkshop();
  const { store } = useBoardContext();
  const rf = useReactFlow();
  const version = useWorkshopVersion();
  const summary = useMemo(() => agreementSummary(ws.doc), [ws, version]);
  const group = (key: 'avtalt' | 'oneSide' | 'open', title: StringKey, items: AgreementSummaryItem[]) => (
    <section className={`mk-ws-agree-group mk-ws-agree-${key}`} data-testid={`agreement-${key}`}>
      <h3>
        {t(title)} <span className="mk-count">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="mk-muted mk-small">{t('wsAgreementNone')}</p>
      ) : (
        <ul className="mk-list">
          {items.map((i) => (
            <li key={i.id} data-card-id={i.id}>
              <button type="button" className="mk-list-btn" onClick={() => focusCard(rf, store, i.id)}>
                <span className="mk-muted mk-small">{pick(NODE_KIND_LABELS[i.kind])} · </span>
                {i.title || t('untitledCard')}
                {key === 'oneSide' && (
                  <span className={`mk-ws-side-tag mk-side-${i.state}`}> {pick(SIDE_LABELS[i.state as 'stat' | 'kommune'])} ✓</span>
                )}
                {!!i.cleared?.length && <span className="mk-ws-changed-tag"> {t('wsChangedAfter')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <div className="mk-ws-agreement-panel" data-testid="agreement-panel">
      {group('avtalt', 'wsAgreementAvtalt', summary.avtalt)}
      {group('oneSide', 'wsAgreementOneSide', summary.oneSide)}
      {group('open', 'wsAgreementOpen', summary.open)}
    </div>
  );
}
