// The side panel's «Rød tråd» section while a thread is shown: the card it is for, a summary
// (announced), the ordered path; each line goes to its card. Escape or ✕ hides the thread, and
// focus returns to the card the thread was for.
import { useReactFlow } from '@xyflow/react';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from '../board/BoardContext';
import { focusCard } from '../ui/focusCard';
import { useRedThread } from './RedThreadContext';
import { RedThreadPath } from './RedThreadPath';
import './redThread.css';

export function RedThreadPanel() {
  const { t } = useI18n();
  const { store } = useBoardContext();
  const rf = useReactFlow();
  const rt = useRedThread();
  const thread = rt?.thread;
  if (!rt || !thread) return null;
  const close = () => {
    const id = thread.start.id;
    rt.hide();
    // The close button goes away with the panel: focus goes to the card the thread was for (brought into view).
    focusCard(rf, store, id);
  };
  return (
    <section
      className="mk-side-section mk-rt-panel"
      aria-labelledby="mk-rt-h"
      data-testid="red-thread-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="mk-rt-head">
        <h2 id="mk-rt-h">
          {t('rtFor', { title: thread.start.title || t('untitledCard') })}
        </h2>
        <button type="button" className="mk-btn mk-btn-ghost mk-btn-small" onClick={close} aria-label={t('rtHide')} data-testid="red-thread-close">
          ✕
        </button>
      </div>
      <p role="status" className="mk-rt-summary">
        {t('rtSummary', { n: thread.nodeIds.size, b: thread.breaks.length })}
      </p>
      <RedThreadPath thread={thread} idPrefix="rt-side" onJump={(id) => focusCard(rf, store, id)} />
    </section>
  );
}
