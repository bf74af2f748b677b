// In the inspector of a goal, indicator or measure: each side's agreement (who, when), "Enig" for
// the holder of the stat or kommune link (the server writes it, #16; not offline, and it says
// why), and a note when the content changed after agreement.
import { AGREEING_SIDES, SIDE_LABELS, agreementOf, isAgreeableKind, type BoardNode } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useWorkshop, useWorkshopVersion } from './WorkshopContext';
import { formatWhen } from '../i18n/format';

export function AgreementSection({ card }: { card: BoardNode }) {
  const { t, pick, lang } = useI18n();
  const { ws, wa, me, canEdit, boundSide, online } = useWorkshop();
  useWorkshopVersion();
  if (!isAgreeableKind(card.kind)) return null;
  const a = agreementOf(ws.doc, card.id);
  const mySide = boundSide ?? null;
  return (
    <section className="mk-ws-agreement" aria-label={t('wsAgreement')} data-testid="agreement-section" data-state={a.state}>
      <h3>
        {t('wsAgreement')}
        {a.state === 'avtalt' && <span className="mk-ws-avtalt-badge"> {t('wsAgreed')}</span>}
      </h3>
      <ul className="mk-ws-agree-list">
        {AGREEING_SIDES.map((side) => {
          const rec = a[side];
          return (
            <li key={side} className={rec ? 'is-agreed' : ''} data-side={side}>
              <span className={`mk-side-dot mk-side-${side}`} aria-hidden="true" />{' '}
              {rec
                ? t('wsAgreedBy', { side: pick(SIDE_LABELS[side]), name: rec.verified ? t('verifiedName', { name: rec.name }) : rec.name, when: formatWhen(rec.at, lang) })
                : t('wsNotYetAgreed', { side: pick(SIDE_LABELS[side]) })}
            </li>
          );
        })}
      </ul>
      {!!a.cleared?.length && (
        <p className="mk-ws-changed" role="note" data-testid="changed-after-agreement">
          <strong>{t('wsChangedAfter')}.</strong> {t('wsChangedAfterHelp')}{' '}
          <span className="mk-muted">
            ({a.cleared.map((r) => `${pick(SIDE_LABELS[r.side])}: ${r.name}, ${formatWhen(r.at, lang)}`).join('; ')})
          </span>
        </p>
      )}
      {canEdit && mySide && (
        <div className="mk-row">
          {a[mySide] ? (
            <button
              type="button" className="mk-btn" aria-disabled={!online || undefined} aria-describedby={online ? undefined : 'mk-agree-offline'}
              onClick={() => void wa.withdraw(card.id)} data-testid="withdraw-agreement"
            >
              {t('wsWithdraw')}
            </button>
          ) : (
            <button
              type="button" className="mk-btn mk-btn-primary" aria-disabled={!online || undefined} aria-describedby={online ? undefined : 'mk-agree-offline'}
              onClick={() => void wa.agree(card.id)} data-testid="agree"
            >
              ✓ {t('wsAgreeLong', { side: pick(SIDE_LABELS[mySide]) })}
            </button>
          )}
        </div>
      )}
      {canEdit && mySide && !online && (
        <p className="mk-muted mk-small" id="mk-agree-offline" data-testid="agree-offline">
          {t('wsOfflineReason')}
        </p>
      )}
      {canEdit && !mySide && me.side && <p className="mk-muted mk-small" data-testid="agree-needs-link">{t('wsAgreeNeedsSideLink')}</p>}
    </section>
  );
}
