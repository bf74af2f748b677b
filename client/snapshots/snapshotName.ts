// A snapshot's label as this person reads it: a label someone typed as typed, the server's own
// "automatic" and "before restoring X" in the UI language (shared/snapshotLabel.ts).
import { useCallback } from 'react';
import { beforeRestoreLabel, parseSnapshotLabel, type SnapshotName } from '../../shared';
import { useI18n, type Translate } from '../i18n/I18nProvider';

export function renderSnapshotName(name: SnapshotName, t: Translate): string {
  if (name.kind === 'text') return name.text;
  if (name.kind === 'auto') return t('snapAutoName');
  if (name.kind === 'meetingStart') return name.title ? t('snapMeetingStartNamed', { title: name.title }) : t('snapMeetingStart');
  return t('snapBeforeRestore', { label: renderSnapshotName(name.of, t) });
}

/** Shows a stored label; `beforeRestoreOf` names the snapshot a restore of that label would take first. */
export function useSnapshotName(): { name(label: string): string; beforeRestoreOf(label: string): string } {
  const { t } = useI18n();
  const name = useCallback((label: string) => renderSnapshotName(parseSnapshotLabel(label), t), [t]);
  const beforeRestoreOf = useCallback((label: string) => name(beforeRestoreLabel(label)), [name]);
  return { name, beforeRestoreOf };
}
