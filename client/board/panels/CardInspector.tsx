// Every field of the selected card (docs/domain.md), validated as you type; read-only for viewers.
import {
  LIMITS, DIRECTION_LABELS, DIRECTIONS, EDGE_KIND_LABELS, GOAL_LEVEL_LABELS, GOAL_LEVELS, NODE_KIND_LABELS, NODE_KINDS, OWNER_LABELS,
  OWNERS, PROGRESS_LABELS, PROGRESS_VALUES, STATUS_LABELS, STATUSES, TIER_LABELS, TIERS, isOneOf,
  type BoardEdge, type BoardNode, type NodePatch, type SourceRef,
} from '../../../shared';
import { useReactFlow } from '@xyflow/react';
import { useI18n } from '../../i18n/I18nProvider';
import { useBoardContext } from '../BoardContext';
import { Group, SelectField, TextField } from './fields';
import { PeriodField, YearValueField } from './PairFields';
import { sdgCheck, textCheck, urlCheck } from './checks';
import { focusCard } from '../../ui/focusCard';
import { takenBoxes } from '../useCreateCard';
import type { CardNode, LinkEdge } from '../cardTypes';
import { BoundTextField } from './BoundTextField';
import { lastWriter } from './lastWriter';
import { returnFocusToCard } from './inspectorFocus';
import { SdgPicker } from './SdgPicker';
import { IndicatorSeries } from './IndicatorSeries';
import { RedThreadButton } from '../../redThread/RedThreadButton';

export function CardInspector({ card, links }: { card: BoardNode; links: BoardEdge[] }) {
  const { t, pick } = useI18n();
  const { actions, readOnly, store, presence } = useBoardContext();
  const rf = useReactFlow<CardNode, LinkEdge>();
  /** Who last wrote a field of this card, for the notice a field shows when it changes under the person. */
  const who = (field: string) => () => lastWriter(store.maps.nodes.get(card.id), field, presence);
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
    <div className="mk-inspector" data-testid="card-inspector" data-card-id={card.id} onKeyDown={(e) => returnFocusToCard(e, card.id)}>
      <div className="mk-row">
        <RedThreadButton cardId={card.id} />
      </div>
      <SelectField
        label={t('fieldKind')}
        value={card.kind}
        options={NODE_KINDS}
        labels={NODE_KIND_LABELS}
        readOnly={ro}
        testId="field-kind"
        whoChanged={who('kind')}
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
      <BoundTextField cardId={card.id} field="title" id="mk-field-title" label={t('fieldTitle')} maxLength={LIMITS.maxTitleLength} check={textCheck(t, 'title', true)} testId="field-title" />
      <BoundTextField cardId={card.id} field="description" label={t('fieldDescription')} multiline maxLength={LIMITS.maxTextLength} check={textCheck(t, 'description')} testId="field-description" />
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
      <div className="mk-field-pair">
        <SelectField
          label={t('fieldTier')}
          value={card.tier}
          options={TIERS}
          labels={TIER_LABELS}
          readOnly={ro}
          whoChanged={who('tier')}
          testId="field-tier"
          commit={(v) => {
            if (!v || !isOneOf(TIERS, v)) return null;
            // The card moves into the band it now belongs to (a free spot there).
            const r = actions.setTier(card.id, v, rf.getInternalNode(card.id)?.measured.height, takenBoxes(rf, card.id));
            return r.ok ? null : pick(r.message);
          }}
        />
        <SelectField label={t('fieldOwner')} value={card.owner} options={OWNERS} labels={OWNER_LABELS} readOnly={ro} whoChanged={who('owner')} commit={(v) => v && write({ owner: v as BoardNode['owner'] })} testId="field-owner" />
      </div>
      {card.kind === 'goal' && (
        <SelectField label={t('fieldLevel')} value={card.level} options={GOAL_LEVELS} labels={GOAL_LEVEL_LABELS} allowNone readOnly={ro} whoChanged={who('level')} commit={(v) => write({ level: v as BoardNode['level'] | null })} />
      )}
      {card.kind === 'indicator' && (
        <>
          <div className="mk-field-pair">
            <TextField label={t('fieldUnit')} value={card.unit ?? ''} readOnly={ro} whoChanged={who('unit')} check={textCheck(t, 'unit')} commit={(v) => write({ unit: v })} />
            <SelectField label={t('fieldDirection')} value={card.direction} options={DIRECTIONS} labels={DIRECTION_LABELS} allowNone readOnly={ro} whoChanged={who('direction')} commit={(v) => write({ direction: v as BoardNode['direction'] | null })} />
          </div>
          <YearValueField legend={t('fieldBaseline')} value={card.baseline} readOnly={ro} whoChanged={who('baseline')} commit={(v) => write({ baseline: v })} testId="field-baseline" />
          <YearValueField legend={t('fieldTarget')} value={card.target} readOnly={ro} whoChanged={who('target')} commit={(v) => write({ target: v })} testId="field-target" />
          <YearValueField legend={t('fieldLatest')} value={card.latest} readOnly={ro} whoChanged={who('latest')} commit={(v) => write({ latest: v })} />
          <TextField label={t('fieldDataSource')} value={card.dataSource ?? ''} readOnly={ro} whoChanged={who('dataSource')} check={textCheck(t, 'dataSource')} commit={(v) => write({ dataSource: v })} />
          <IndicatorSeries card={card} readOnly={ro} />
        </>
      )}
      <div className="mk-field-pair">
        <SelectField label={t('fieldStatus')} value={card.status} options={STATUSES} labels={STATUS_LABELS} allowNone readOnly={ro} whoChanged={who('status')} commit={(v) => write({ status: v as BoardNode['status'] | null })} />
        <SelectField label={t('fieldProgress')} value={card.progress} options={PROGRESS_VALUES} labels={PROGRESS_LABELS} allowNone readOnly={ro} whoChanged={who('progress')} commit={(v) => write({ progress: v as BoardNode['progress'] | null })} />
      </div>
      <PeriodField value={card.period} readOnly={ro} whoChanged={who('period')} commit={(v) => write({ period: v })} />
      <TextField label={t('fieldPlanRef')} value={card.planRef ?? ''} readOnly={ro} whoChanged={who('planRef')} check={textCheck(t, 'planRef')} commit={(v) => write({ planRef: v })} />
      <TextField label={t('fieldResponsible')} value={card.responsible ?? ''} readOnly={ro} whoChanged={who('responsible')} check={textCheck(t, 'responsible')} commit={(v) => write({ responsible: v })} />
      <TextField label={t('fieldSdg')} value={(card.sdg ?? []).join(', ')} readOnly={ro} whoChanged={who('sdg')} check={sdgCheck(t)} commit={(v) => write({ sdg: v })} testId="field-sdg" />
      <SdgPicker codes={card.sdg ?? []} readOnly={ro} commit={(v) => write({ sdg: v })} />
      <Group title={t('fieldSourceDoc').split(':')[0] ?? ''}>
        <TextField label={t('fieldSourceDoc')} value={source.doc ?? ''} readOnly={ro} whoChanged={who('source')} check={urlCheck(t)} commit={(v) => writeSource('doc', v)} />
        <TextField label={t('fieldSourceSection')} value={source.section ?? ''} readOnly={ro} whoChanged={who('source')} check={urlCheck(t)} commit={(v) => writeSource('section', v)} />
      </Group>
      <TextField label={t('fieldSourceUrl')} type="url" value={source.url ?? ''} readOnly={ro} whoChanged={who('source')} check={urlCheck(t)} commit={(v) => writeSource('url', v)} />

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
            onClick={() => window.dispatchEvent(new CustomEvent('malkart:request-delete'))}
          >
            {t('deleteCard')}
          </button>
        </div>
      )}
    </div>
  );
}
