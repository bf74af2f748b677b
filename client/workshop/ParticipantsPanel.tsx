// Who is in the room, grouped by side; viewers counted; the facilitator marked. Your own entry
// changes your name and side; the facilitator role is taken, handed over and released here.
import { useState } from 'react';
import { SIDES, SIDE_LABELS } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { usePeers } from '../ui/usePeers';
import { useWorkshop, useWorkshopVersion } from './WorkshopContext';
import { participantsOf } from './participants';
import { JoinDialog } from './JoinDialog';
import { sideColor } from './sideColors';

export function ParticipantsPanel() {
  const { t, pick } = useI18n();
  const { ws, wa, canEdit, isFacilitator, boundSide } = useWorkshop();
  useWorkshopVersion();
  const people = participantsOf(usePeers());
  const [editing, setEditing] = useState(false);
  const facilitator = ws.facilitator();
  const present = new Set(people.map((p) => p.participantId));
  const viewers = people.filter((p) => p.role === 'viewer').length;
  const canTake = canEdit && (!facilitator || !present.has(facilitator.participantId));

  return (
    <div className="mk-ws-people" data-testid="participants">
      <p className="mk-ws-facilitator-line" data-testid="facilitator-line">
        {facilitator ? <strong>{t('wsFacilitatorIs', { name: facilitator.name })}</strong> : t('wsNoFacilitator')}
      </p>
      <div className="mk-row">
        {canTake && !isFacilitator && (
          <button type="button" className="mk-btn mk-btn-primary" onClick={() => wa.takeFacilitator(present)} data-testid="take-facilitator">
            {t('wsTakeFacilitator')}
          </button>
        )}
        {isFacilitator && (
          <button type="button" className="mk-btn" onClick={() => wa.release()} data-testid="release-facilitator">
            {t('wsRelease')}
          </button>
        )}
      </div>
      {SIDES.map((side) => {
        const group = people.filter((p) => p.side === side);
        return (
          <section key={side} className={`mk-ws-side-group mk-side-${side}`} data-side={side}>
            <h3>
              <span className={`mk-side-dot mk-side-${side}`} aria-hidden="true" /> {pick(SIDE_LABELS[side])}{' '}
              <span className="mk-count">{group.length}</span>
            </h3>
            {group.length === 0 ? (
              <p className="mk-muted mk-small">{t('wsNobodyHere')}</p>
            ) : (
              <ul className="mk-list">
                {group.map((p) => {
                  const leads = facilitator?.participantId === p.participantId;
                  return (
                    <li key={p.participantId} className="mk-ws-person" data-testid="participant" data-name={p.name} data-side={side}>
                      <span className="mk-ws-person-dot" style={{ background: sideColor(p.side, p.color) }} aria-hidden="true" />
                      <span className="mk-ws-person-name">
                        {p.name}
                        {p.self && <span className="mk-muted"> ({t('wsYou')})</span>}
                      </span>
                      {p.role === 'viewer' && <span className="mk-role-badge mk-role-viewer">{t('roleViewer')}</span>}
                      {leads && (
                        <span className="mk-ws-lead-badge" data-testid="facilitator-badge">
                          {t('wsFacilitator')}
                        </span>
                      )}
                      {p.self && (
                        <button type="button" className="mk-btn mk-btn-small" onClick={() => setEditing(true)} data-testid="edit-me">
                          {t('wsEditMe')}
                        </button>
                      )}
                      {!p.self && isFacilitator && p.role !== 'viewer' && (
                        <button
                          type="button"
                          className="mk-btn mk-btn-small"
                          aria-label={t('wsHandOver', { name: p.name })}
                          onClick={() => wa.handOver({ participantId: p.participantId, name: p.name })}
                        >
                          {t('wsHandOverShort')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
      {people.some((p) => !p.side) && (
        <p className="mk-muted mk-small">{people.filter((p) => !p.side).map((p) => p.name).join(', ')}</p>
      )}
      <p className="mk-muted" data-testid="viewer-count">
        {t('wsViewersCount', { n: viewers })}
      </p>
      {editing && <JoinDialog onDone={() => setEditing(false)} onCancel={() => setEditing(false)} boundSide={boundSide} />}
    </div>
  );
}
