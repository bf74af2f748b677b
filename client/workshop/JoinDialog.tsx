// Asks for the display name and the side once (remembered by the browser); the same dialog
// changes them later from the participant list. A stat or kommune link decides the side (#16):
// it is chosen and fixed, and the dialog says why.
import { useState } from 'react';
import { SIDES, SIDE_LABELS, type AgreeingSide, type Side } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { Modal } from '../ui/Modal';
import { getIdentity, saveIdentity } from './identity';

export function JoinDialog({ onDone, onCancel, boundSide }: { onDone(): void; onCancel?: () => void; boundSide?: AgreeingSide | undefined }) {
  const { t, pick } = useI18n();
  const start = getIdentity();
  const [name, setName] = useState(start.name);
  const [chosen, setSide] = useState<Side | null>(start.side);
  const side = boundSide ?? chosen;
  const editing = !!onCancel;
  const ok = !!name.trim() && !!side;
  return (
    <Modal title={editing ? t('joinEditTitle') : t('joinTitle')} onClose={onCancel ?? null}>
      <form
        data-testid="join-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ok) return;
          saveIdentity(name, side);
          onDone();
        }}
      >
        <p className="mk-muted">{t('joinHelp')}</p>
        <label className="mk-field">
          <span>{t('nameLabel')}</span>
          <input autoFocus value={name} maxLength={60} onChange={(e) => setName(e.target.value)} data-testid="name-input" />
        </label>
        <fieldset className="mk-field-group mk-side-choice">
          <legend>{t('joinSide')}</legend>
          {SIDES.map((s) => (
            <label key={s} className="mk-check">
              <input
                type="radio" name="mk-side" value={s} checked={side === s} disabled={!!boundSide && s !== boundSide} onChange={() => setSide(s)}
                data-testid={`side-${s}`} aria-describedby={boundSide ? 'mk-side-bound' : undefined}
              />
              <span className={`mk-side-dot mk-side-${s}`} aria-hidden="true" />
              {pick(SIDE_LABELS[s])}
            </label>
          ))}
          {boundSide ? (
            <p className="mk-small" id="mk-side-bound" data-testid="side-bound">
              {t('joinSideBound', { side: pick(SIDE_LABELS[boundSide]) })}
            </p>
          ) : (
            <p className="mk-muted mk-small">{t('joinSideHelp')}</p>
          )}
        </fieldset>
        <div className="mk-row mk-row-end">
          {onCancel && (
            <button type="button" className="mk-btn" onClick={onCancel}>
              {t('cancel')}
            </button>
          )}
          <button type="submit" className="mk-btn mk-btn-primary" disabled={!ok} data-testid="join-submit">
            {editing ? t('joinSaveChanges') : t('nameSave')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
