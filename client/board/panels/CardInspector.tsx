// Every field of the selected card (docs/domain.md), validated as you type; read-only for viewers.
import {
  DIRECTION_LABELS, DIRECTIONS, EDGE_KIND_LABELS, GOAL_LEVEL_LABELS, GOAL_LEVELS, NODE_KIND_LABELS, NODE_KINDS, OWNER_LABELS,
  OWNERS, PROGRESS_LABELS, PROGRESS_VALUES, STATUS_LABELS, STATUSES, TIER_LABELS, TIERS, isOneOf,
  type BoardEdge, type BoardNode, type NodePatch, type SourceRef,
} from '../../../shared';
import { useReactFlow } from '@xyflow/react';
import { useI18n } from '../../i18n/I18nProvider';
import { useBoardContext } from '../BoardContext';
import { Group, SelectField, TextField } from './fields';
import { PeriodField, YearValueField } from './PairFields';
import { sdgCheck, textCheck, urlCheck } from './checks';
import { focusCard } from '../focusCard';
import { SdgPicker } from './SdgPicker';

export function CardInspector({ card, links }: { card: BoardNode; links: BoardEdge[] }) {
  const { t, pick } = useI18n();
  const { actions, readOnly, store } = useBoardContext();
  const rf = useReactFlow();
  const write = (patch: NodePatch): string | null => {
    const r = actions.updateCard(card.id, patch);
    return r.ok ? null : pick(r.message);
  };
  const ro = readOnly;
  const source = card.source ?? {};
  const writeSource = (k: keyof SourceRef, v: string | null) => {
    const next: SourceRef = { ...source };
    if (v) next[k] = v;
    else delete next[k];
    return write({ source: Object.keys(next).length ? next : null });
  };

  return (
    <div className="mk-inspector" data-testid="card-inspector" data-card-id={card.id}>
      <SelectField
        label={t('fieldKind')}
        value={card.kind}
        options={NODE_KINDS}
        labels={NODE_KIND_LABELS}
        readOnly={ro}
        testId="field-kind"
        commit={(v) => {
          if (!v || !isOneOf(NODE_KINDS, v)) return null;
          const r = actions.updateCard(card.id, {
            kind: v,
            ...(v !== 'goal' ? { level: null } : {}),
            ...(v !== 'indicator' ? { unit: null, direction: null, baseline: null, target: null, latest: null, dataSource: null } : {}),
          });
          actions.endGesture();
          return r.ok ? null : pick(r.message);
        }}
      />
      <TextField id="mk-field-title" label={t('fieldTitle')} value={card.title} readOnly={ro} check={textCheck(t, 'title', true)} commit={(v) => write({ title: v ?? '' })} testId="field-title" />
      <TextField label={t('fieldDescription')} value={card.description} readOnly={ro} multiline check={textCheck(t, 'description')} commit={(v) => write({ description: v ?? '' })} />
      <div className="mk-field-pair">
        <SelectField label={t('fieldTier')} value={card.tier} options={TIERS} labels={TIER_LABELS} readOnly={ro} commit={(v) => v && write({ tier: v as BoardNode['tier'] })} />
        <SelectField label={t('fieldOwner')} value={card.owner} options={OWNERS} labels={OWNER_LABELS} readOnly={ro} commit={(v) => v && write({ owner: v as BoardNode['owner'] })} testId="field-owner" />
      </div>
      {card.kind === 'goal' && (
        <SelectField label={t('fieldLevel')} value={card.level} options={GOAL_LEVELS} labels={GOAL_LEVEL_LABELS} allowNone readOnly={ro} commit={(v) => write({ level: v as BoardNode['level'] | null })} />
      )}
      {card.kind === 'indicator' && (
        <>
          <div className="mk-field-pair">
            <TextField label={t('fieldUnit')} value={card.unit ?? ''} readOnly={ro} check={textCheck(t, 'unit')} commit={(v) => write({ unit: v })} />
            <SelectField label={t('fieldDirection')} value={card.direction} options={DIRECTIONS} labels={DIRECTION_LABELS} allowNone readOnly={ro} commit={(v) => write({ direction: v as BoardNode['direction'] | null })} />
          </div>
          <YearValueField legend={t('fieldBaseline')} value={card.baseline} readOnly={ro} commit={(v) => write({ baseline: v })} testId="field-baseline" />
          <YearValueField legend={t('fieldTarget')} value={card.target} readOnly={ro} commit={(v) => write({ target: v })} testId="field-target" />
          <YearValueField legend={t('fieldLatest')} value={card.latest} readOnly={ro} commit={(v) => write({ latest: v })} />
          <TextField label={t('fieldDataSource')} value={card.dataSource ?? ''} readOnly={ro} check={textCheck(t, 'dataSource')} commit={(v) => write({ dataSource: v })} />
        </>
      )}
      <div className="mk-field-pair">
        <SelectField label={t('fieldStatus')} value={card.status} options={STATUSES} labels={STATUS_LABELS} allowNone readOnly={ro} commit={(v) => write({ status: v as BoardNode['status'] | null })} />
        <SelectField label={t('fieldProgress')} value={card.progress} options={PROGRESS_VALUES} labels={PROGRESS_LABELS} allowNone readOnly={ro} commit={(v) => write({ progress: v as BoardNode['progress'] | null })} />
      </div>
      <PeriodField value={card.period} readOnly={ro} commit={(v) => write({ period: v })} />
      <TextField label={t('fieldPlanRef')} value={card.planRef ?? ''} readOnly={ro} check={textCheck(t, 'planRef')} commit={(v) => write({ planRef: v })} />
      <TextField label={t('fieldResponsible')} value={card.responsible ?? ''} readOnly={ro} check={textCheck(t, 'responsible')} commit={(v) => write({ responsible: v })} />
      <TextField label={t('fieldSdg')} value={(card.sdg ?? []).join(', ')} readOnly={ro} check={sdgCheck(t)} commit={(v) => write({ sdg: v })} testId="field-sdg" />
      <SdgPicker codes={card.sdg ?? []} readOnly={ro} commit={(v) => write({ sdg: v })} />
      <Group title={t('fieldSourceDoc').split(':')[0] ?? ''}>
        <TextField label={t('fieldSourceDoc')} value={source.doc ?? ''} readOnly={ro} check={urlCheck(t)} commit={(v) => writeSource('doc', v)} />
        <TextField label={t('fieldSourceSection')} value={source.section ?? ''} readOnly={ro} check={urlCheck(t)} commit={(v) => writeSource('section', v)} />
      </Group>
      <TextField label={t('fieldSourceUrl')} type="url" value={source.url ?? ''} readOnly={ro} check={urlCheck(t)} commit={(v) => writeSource('url', v)} />

      {links.length > 0 && (
        <section className="mk-inspector-links">
          <h3>{t('links')}</h3>
          <ul>
            {links.map((e) => {
              const outgoing = e.source === card.id;
              const otherId = outgoing ? e.target : e.source;
              const other = store.card(otherId);
              const label = isOneOf(Object.keys(EDGE_KIND_LABELS), e.kind) ? pick(EDGE_KIND_LABELS[e.kind]) : e.kind;
              return (
                <li key={e.id}>
                  <span className="mk-muted">{outgoing ? label : `← ${label}`}</span>{' '}
                  <button type="button" className="mk-link-btn" onClick={() => focusCard(rf, store, otherId)}>
                    {other?.title || otherId}
                  </button>
                  {!ro && (
                    <button type="button" className="mk-btn mk-btn-ghost mk-btn-small" aria-label={t('deleteLink')} title={t('deleteLink')} onClick={() => actions.deleteLinks([e.id])}>
                      ✕
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {!ro && (
        <div className="mk-row mk-inspector-actions">
          <button type="button" className="mk-btn" onClick={() => window.dispatchEvent(new CustomEvent('malkart:start-link', { detail: card.id }))}>
            {t('startLink')} (L)
          </button>
          <button
            type="button"
            className="mk-btn"
            onClick={() => {
              const ids = actions.paste(actions.copy([card.id]));
              store.flush();
              store.select(ids);
            }}
          >
            {t('duplicate')}
          </button>
          <button
            type="button"
            className="mk-btn mk-btn-danger-ghost"
            onClick={() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete' }))}
          >
            {t('deleteCard')}
          </button>
        </div>
      )}
    </div>
  );
}
