// «Vis rød tråd» for one card (the inspector shows it; R does the same on the canvas).
import { useI18n } from '../i18n/I18nProvider';
import { useRedThread } from './RedThreadContext';
import { useLetterKeys } from '../ui/preferences';

/** `shortcut`: R works where the button is (the canvas); the outline uses letters to jump. */
export function RedThreadButton({ cardId, shortcut = true, testId = 'red-thread-toggle' }: { cardId: string; shortcut?: boolean; testId?: string }) {
  const { t } = useI18n();
  const rt = useRedThread();
  const letterKeys = useLetterKeys();
  if (!rt) return null;
  // R is announced and shown only while one-key shortcuts are on.
  const withKey = shortcut && letterKeys;
  const on = rt.thread?.start.id === cardId;
  return (
    <button
      type="button"
      className={`mk-btn mk-btn-small mk-rt-toggle${on ? ' is-active' : ''}`}
      aria-pressed={on}
      aria-keyshortcuts={withKey ? 'R' : undefined}
      onClick={() => rt.toggle(cardId)}
      data-testid={testId}
    >
      {t('rtShow')}
      {withKey && ' (R)'}
    </button>
  );
}
