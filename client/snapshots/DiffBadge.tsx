// The word on a card (and in the legend) that says how it differs from the snapshot, so the
// comparison never relies on colour alone.
import { useT } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';
import type { DiffMark } from './diffMarks';
import './snapshots.css';

export const DIFF_LABEL: Record<DiffMark, StringKey> = { added: 'diffAdded', removed: 'diffRemoved', changed: 'diffChanged', moved: 'diffMoved' };
export const DIFF_HELP: Record<DiffMark, StringKey> = { added: 'diffAddedHelp', removed: 'diffRemovedHelp', changed: 'diffChangedHelp', moved: 'diffMovedHelp' };

export function DiffBadge({ mark }: { mark: DiffMark }) {
  const t = useT();
  return <span className={`mk-diff-badge mk-diff-badge-${mark}`}>{t(DIFF_LABEL[mark])}</span>;
}
