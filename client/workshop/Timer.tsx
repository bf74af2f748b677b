// The shared timer, on every screen: time left, and for the facilitator (or any editor while there
// is none) start, pause, reset and the duration.
import { useEffect, useState } from 'react';
import { timerRemaining } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useWorkshop, useWorkshopVersion } from './WorkshopContext';
import { serverNow } from './serverClock';

const MINUTES = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60];

function formatMs(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function Timer() {
  const { t } = useI18n();
  const { ws, wa, canEdit, isFacilitator } = useWorkshop();
  useWorkshopVersion();
  const timer = ws.timer();
  const [now, setNow] = useState(serverNow);
  const running = timer.state === 'running';
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(serverNow()), 250);
    return () => clearInterval(id);
  }, [running]);
  const left = timerRemaining(timer, running ? now : serverNow());
  const done = timer.state !== 'idle' && left <= 0;
  const control = canEdit && (isFacilitator || !ws.facilitator());
  const minutes = Math.round(timer.durationMs / 60_000);

  return (
    <div className={`mk-ws-timer${running ? ' is-running' : ''}${done ? ' is-done' : ''}`} role="group" aria-label={t('wsTimer')} data-testid="timer">
      <span className="mk-ws-timer-clock" aria-live={done ? 'assertive' : 'off'} data-state={timer.state}>
        <span aria-hidden="true">◷ </span>
        {done ? t('wsTimerDone') : formatMs(left)}
      </span>
      {control && (
        <>
          {running ? (
            <button type="button" className="mk-btn mk-btn-small" onClick={() => wa.timerPause()}>
              {t('wsTimerPause')}
            </button>
          ) : (
            <button type="button" className="mk-btn mk-btn-small" onClick={() => wa.timerStart()} disabled={done} data-testid="timer-start">
              {t('wsTimerStart')}
            </button>
          )}
          <button type="button" className="mk-btn mk-btn-small mk-btn-ghost" onClick={() => wa.timerReset()}>
            {t('wsTimerReset')}
          </button>
          <label className="mk-ws-timer-minutes">
            <span className="mk-visually-hidden">{t('wsTimerMinutes')}</span>
            <select value={MINUTES.includes(minutes) ? minutes : 5} disabled={running} onChange={(e) => wa.timerReset(Number(e.target.value) * 60_000)}>
              {MINUTES.map((m) => (
                <option key={m} value={m}>
                  {m} min
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </div>
  );
}
