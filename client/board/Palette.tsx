// The card kinds to create: click adds one in the middle of the view, drag drops one where you let go.
import { NODE_KIND_LABELS, NODE_KINDS, type NodeKind } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { KIND_ICONS } from './nodes/nodeTypes';
import { PALETTE_MIME } from './Canvas';

export function Palette({ kind, setKind, onCreate }: { kind: NodeKind; setKind(k: NodeKind): void; onCreate(k: NodeKind): void }) {
  const { t, pick } = useI18n();
  return (
    <div className="mk-palette" role="group" aria-label={t('palette')} title={t('paletteHelp')}>
      {NODE_KINDS.map((k) => (
        <button
          key={k}
          type="button"
          className={`mk-palette-item${k === kind ? ' is-active' : ''}`}
          draggable
          aria-pressed={k === kind}
          data-kind={k}
          onDragStart={(e) => {
            setKind(k);
            e.dataTransfer.setData(PALETTE_MIME, k);
            e.dataTransfer.effectAllowed = 'copy';
          }}
          onClick={() => {
            setKind(k);
            onCreate(k);
          }}
          title={`${pick(NODE_KIND_LABELS[k])} – ${t('paletteHelp')}`}
        >
          <span aria-hidden="true" className="mk-palette-icon">
            {KIND_ICONS[k]}
          </span>
          <span className="mk-palette-label">{pick(NODE_KIND_LABELS[k])}</span>
        </button>
      ))}
    </div>
  );
}
