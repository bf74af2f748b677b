// A selected link: its kind and ends, and for a conflict its note, severity and resolution.
import { useReactFlow } from '@xyflow/react';
import { EDGE_KIND_LABELS, SEVERITIES, SEVERITY_LABELS, edgeFieldSchemas, isOneOf, EDGE_KINDS, type BoardEdge, type EdgePatch } from '../../../shared';
import { useI18n } from '../../i18n/I18nProvider';
import { useBoardContext } from '../BoardContext';
import { SelectField, TextField, type Check } from './fields';
import { focusCard } from '../../ui/focusCard';
import { returnFocusToCard } from './inspectorFocus';
import { lastWriter } from './lastWriter';

export function EdgeInspector({ edge }: { edge: BoardEdge }) {
  const { t, pick } = useI18n();
  const { actions, readOnly, store, presence } = useBoardContext();
  const who = (field: string) => () => lastWriter(store.maps.edges.get(edge.id), field, presence);
  const rf = useReactFlow();
  const write = (patch: EdgePatch): string | null => {
    const r = actions.updateLink(edge.id, patch);
    return r.ok ? null : pick(r.message);
  };
  const noteCheck: Check<string | null> = (raw) =>
    edgeFieldSchemas.note.safeParse(raw).success ? { ok: true, value: raw || null } : { ok: false, error: t('invalidTooLong') };
  const end = (id: string) => (
    <button type="button" className="mk-link-btn" onClick={() => focusCard(rf, store, id)}>
      {store.card(id)?.title || id}
    </button>
  );
  return (
    <div className="mk-inspector" data-testid="edge-inspector" onKeyDown={(e) => returnFocusToCard(e, edge.id, 'edge')}>
      <p className="mk-edge-kind">
        <strong>{isOneOf(EDGE_KINDS, edge.kind) ? pick(EDGE_KIND_LABELS[edge.kind]) : edge.kind}</strong>
      </p>
      <dl className="mk-dl">
        <dt>{t('linkFrom')}</dt>
        <dd>{end(edge.source)}</dd>
        <dt>{t('linkTo')}</dt>
        <dd>{end(edge.target)}</dd>
      </dl>
      {edge.kind === 'conflictsWith' && (
        <>
          <TextField label={t('fieldNote')} value={edge.note ?? ''} multiline readOnly={readOnly} check={noteCheck} commit={(v) => write({ note: v })} whoChanged={who('note')} />
          <SelectField label={t('fieldSeverity')} value={edge.severity} options={SEVERITIES} labels={SEVERITY_LABELS} allowNone readOnly={readOnly} commit={(v) => write({ severity: v as EdgePatch['severity'] })} whoChanged={who('severity')} />
          <TextField label={t('fieldResolution')} value={edge.resolution ?? ''} multiline readOnly={readOnly} check={noteCheck} commit={(v) => write({ resolution: v })} whoChanged={who('resolution')} />
        </>
      )}
      {!readOnly && (
        <div className="mk-row">
          <button type="button" className="mk-btn mk-btn-danger-ghost" onClick={() => actions.deleteLinks([edge.id])}>
            {t('deleteLink')}
          </button>
        </div>
      )}
    </div>
  );
}
