// The frame every card shares: owner colour and border, kind and level, title, handles to link,
// marks for rule violations, search hits and other people's selection. At low zoom it draws a
// cheap block instead (level of detail), which is what keeps 2,000 cards smooth.
import { memo, type ReactNode } from 'react';
import { Handle, Position, useStore, type ReactFlowState } from '@xyflow/react';
import { GOAL_LEVEL_LABELS, NODE_KIND_LABELS, OWNER_LABELS, isOneOf, GOAL_LEVELS, NODE_KINDS, OWNERS } from '../../../shared';
import { useI18n } from '../../i18n/I18nProvider';
import { ownerTheme } from '../../theme/ownerTheme';
import type { CardData } from '../cardTypes';
import { useBoardContext } from '../BoardContext';
import { DiffBadge } from '../../snapshots/DiffBadge';
import { CardMarks } from '../../workshop/CardMarks';
import { SdgChip } from '../panels/SdgPicker';
import { LOW_DETAIL_ZOOM } from '../ZoomLevel';
import { useContentLang } from '../contentLang';

const lowDetail = (s: ReactFlowState) => s.transform[2] < LOW_DETAIL_ZOOM;

interface Props {
  data: CardData;
  selected: boolean;
  className?: string;
  icon: string;
  children?: ReactNode;
}

export const CardShell = memo(function CardShell({ data, selected, className, icon, children }: Props) {
  const { t, pick } = useI18n();
  const contentLang = useContentLang();
  const { readOnly } = useBoardContext();
  const low = useStore(lowDetail);
  const { card, ring, invalid, match, diff, thread } = data;
  const theme = ownerTheme(card.owner);
  const kindLabel = isOneOf(NODE_KINDS, card.kind) ? pick(NODE_KIND_LABELS[card.kind]) : String(card.kind);
  const ownerLabel = isOneOf(OWNERS, card.owner) ? pick(OWNER_LABELS[card.owner]) : String(card.owner);
  const level = card.level && isOneOf(GOAL_LEVELS, card.level) ? pick(GOAL_LEVEL_LABELS[card.level]) : null;
  const title = card.title || t('untitledCard');
  const style = {
    '--mk-strong': theme.strong,
    '--mk-fill': theme.fill,
    '--mk-ring': ring?.color ?? 'transparent',
  } as React.CSSProperties;
  const classes = [
    'mk-card',
    `mk-kind-${card.kind}`,
    `mk-owner-${card.owner}`,
    className,
    selected && 'is-selected',
    ring && 'has-ring',
    invalid && 'is-invalid',
    match && 'is-match',
    diff && `is-diff is-diff-${diff}`,
    thread && `is-thread-${thread}`,
    low && 'is-low',
  ]
    .filter(Boolean)
    .join(' ');

  if (low) {
    return (
      <div className={classes} style={style} data-card-id={card.id} data-tier={card.tier} data-diff={diff}>
        {diff && <DiffBadge mark={diff} />}
        <div className="mk-card-low-title" lang={contentLang}>
          {title}
        </div>
        {/* The SDG colours stay visible at overview zoom: they are what a planner scans the map for. */}
        {card.sdg?.length ? (
          <span className="mk-sdg">
            {card.sdg.map((g) => (
              <SdgChip key={g} code={g} />
            ))}
          </span>
        ) : null}
        {/* Linking works at overview zoom too. */}
        <Handle type="target" position={Position.Left} isConnectable={!readOnly} className={readOnly ? 'mk-handle-hidden' : 'mk-handle mk-handle-target'} />
        <Handle type="source" position={Position.Right} isConnectable={!readOnly} className={readOnly ? 'mk-handle-hidden' : 'mk-handle mk-handle-source'} />
      </div>
    );
  }

  return (
    <div className={classes} style={style} data-card-id={card.id} data-tier={card.tier} data-diff={diff} title={ring ? t('selectedBy', { name: ring.name }) : undefined}>
      {diff && <DiffBadge mark={diff} />}
      <div className="mk-card-head">
        <span className="mk-card-kind">
          <span aria-hidden="true" className="mk-card-icon">
            {icon}
          </span>
          {kindLabel}
          {level && <span className="mk-card-level"> · {level}</span>}
        </span>
        <span className="mk-owner-badge">{ownerLabel}</span>
      </div>
      <div className="mk-card-title" lang={contentLang}>
        {title}
      </div>
      {children}
      <CardMarks card={card} />
      {invalid && (
        <span className="mk-card-flag" role="img" aria-label={t('hasProblem')} title={t('hasProblem')}>
          !
        </span>
      )}
      {ring && (
        <span className="mk-card-ring-name" style={{ background: ring.color }}>
          {ring.name}
        </span>
      )}
      <Handle type="target" position={Position.Left} isConnectable={!readOnly} className={readOnly ? 'mk-handle-hidden' : 'mk-handle mk-handle-target'} />
      <Handle type="source" position={Position.Right} isConnectable={!readOnly} className={readOnly ? 'mk-handle-hidden' : 'mk-handle mk-handle-source'} />
    </div>
  );
});
