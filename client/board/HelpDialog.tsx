import { useT } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';
import { Modal } from '../ui/Modal';

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
  ['?', 'kHelp'],
];

export function HelpDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <Modal title={t('helpTitle')} onClose={onClose} wide>
      <p>{t('helpIntro')}</p>
      <table className="mk-shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                <kbd>{keys.startsWith('keys') ? t(keys as StringKey) : keys}</kbd>
              </th>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
