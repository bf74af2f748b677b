import { useId } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';
import { Modal } from '../ui/Modal';
import { setLetterKeys, setPeerCursors, useLetterKeys, usePeerCursors } from '../ui/preferences';

const SHORTCUTS: [string | StringKey, StringKey][] = [
  ['N', 'kNew'],
  ['keysDoubleClick', 'kDoubleClick'],
  ['Tab / Shift+Tab', 'kTab'],
  ['Enter / Space', 'kSelect'],
  ['← ↑ → ↓', 'kArrows'],
  ['L', 'kLink'],
  ['Delete / Backspace', 'kDelete'],
  ['Ctrl+Z', 'kUndo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'kRedo'],
  ['Ctrl+C / Ctrl+V / Ctrl+D', 'kCopy'],
  ['keysMulti', 'kMulti'],
  ['/ , Ctrl+F', 'kSearch'],
  ['G', 'kFocusCanvas'],
  ['R', 'rtShowShortcut'],
  ['Esc', 'kEscape'],
  ['Shift+P', 'kPresent'],
  ['? / F1', 'kHelp'],
];

/** Rows that are one-character shortcuts, off when the person has turned those off. */
const ONE_KEY = new Set<StringKey>(['kNew', 'kLink', 'kFocusCanvas', 'rtShowShortcut', 'kPresent']);

export function HelpDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const letterKeys = useLetterKeys();
  const cursors = usePeerCursors();
  const off = (what: StringKey) => !letterKeys && ONE_KEY.has(what);
  return (
    <Modal title={t('helpTitle')} onClose={onClose} wide>
      <p>{t('helpIntro')}</p>
      <fieldset className="mk-field-group">
        <legend>{t('prefsTitle')}</legend>
        <Preference on={letterKeys} set={setLetterKeys} label={t('letterKeysToggle')} hint={t('letterKeysHint')} testId="letter-keys" />
        <Preference on={cursors} set={setPeerCursors} label={t('peerCursorsToggle')} hint={t('peerCursorsHint')} testId="peer-cursors" />
      </fieldset>
      <table className="mk-shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                <kbd>{keys.startsWith('keys') ? t(keys as StringKey) : keys}</kbd>
              </th>
              <td>
                {t(what)}
                {off(what) && ` ${t('letterKeysOff')}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

/** One of this browser's choices: a checkbox, and what it does below it. */
function Preference({ on, set, label, hint, testId }: { on: boolean; set(on: boolean): void; label: string; hint: string; testId: string }) {
  const hintId = useId();
  return (
    <>
      <label className="mk-check">
        <input type="checkbox" checked={on} onChange={(e) => set(e.target.checked)} aria-describedby={hintId} data-testid={testId} />
        {label}
      </label>
      <p id={hintId} className="mk-muted mk-small">
        {hint}
      </p>
    </>
  );
}
