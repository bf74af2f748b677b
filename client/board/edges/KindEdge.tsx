// One component per link kind (made from a table of looks): a straight line between card borders,
// its label at the middle (hidden at low zoom), and for conflicts the note, in red and dashed.
import { memo } from 'react';
import { BaseEdge, useInternalNode, useStore, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { EDGE_KIND_LABELS, EDGE_KINDS, type EdgeKind } from '../../../shared';
import { useI18n } from '../../i18n/I18nProvider';
import type { LinkEdge } from '../cardTypes';
import { EDGE_LOOKS } from './edgeStyle';
import { floatingEnds } from './floatingGeometry';
import { useCardMarks } from '../../workshop/WorkshopContext';

const showLabels = (s: ReactFlowState) => s.transform[2] >= 0.6;

function makeEdge(kind: EdgeKind) {
  const look = EDGE_LOOKS[kind];
  const Edge = memo(function Edge({ id, source, target, data, selected, markerEnd }: EdgeProps<LinkEdge>) {
    const { pick } = useI18n();
    const s = useInternalNode(source);
    const t = useInternalNode(target);
    const labels = useStore(showLabels);
    // A link of the selected card stands out (thicker, labelled) so the card's links can be seen at a glance.
    const related = useStore((st) => !!(st.nodeLookup.get(source)?.selected || st.nodeLookup.get(target)?.selected));
    // Open comment threads on this link (the workshop's marks are keyed by card and link id alike).
    const threads = useCardMarks(id).openThreads;
    if (!s || !t) return null;
    const { sx, sy, tx, ty } = floatingEnds(s, t);
    const path = `M${sx},${sy} L${tx},${ty}`;
    const invalid = data?.invalid;
    const color = invalid ? '#b45309' : look.color;
    const label = pick(EDGE_KIND_LABELS[kind]);
    const note = kind === 'conflictsWith' ? data?.edge.note : undefined;
    const shortNote = note && note.length > 60 ? `${note.slice(0, 60)}…` : note;
    const mx = (sx + tx) / 2;
    const my = (sy + ty) / 2;
    const text = (shortNote ? `⚡ ${shortNote}` : label) + (threads > 0 ? `  ✉ ${threads}` : '');
    const width = Math.min(420, text.length * 6.4 + 14);
    return (
      <>
        <BaseEdge
          id={id}
          path={path}
          markerEnd={markerEnd}
          interactionWidth={14}
          className={related ? 'mk-edge-related' : undefined}
          style={{
            stroke: color,
            strokeWidth: selected ? look.width + 1.6 : related ? look.width + 1.2 : look.width,
            strokeDasharray: invalid ? '3 3' : look.dash,
          }}
        />
        {(labels || selected || related || kind === 'conflictsWith' || threads > 0) && (
          <g
            className={`mk-edge-label mk-edge-label-${kind}${selected ? ' is-selected' : ''}${related ? ' is-related' : ''}`}
            transform={`translate(${mx},${my})`}
            aria-hidden="true"
            data-open-threads={threads || undefined}
          >
            <rect x={-width / 2} y={-10} width={width} height={20} rx={10} />
            <text textAnchor="middle" dy={4}>
              {invalid ? `! ${text}` : text}
            </text>
            <title>{note ? `${label}: ${note}` : label}</title>
          </g>
        )}
      </>
    );
  });
  return Edge;
}

export const edgeTypes = Object.fromEntries(EDGE_KINDS.map((k) => [k, makeEdge(k)])) as Record<EdgeKind, ReturnType<typeof makeEdge>>;
