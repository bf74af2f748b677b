// The three labelled horizontal bands behind the cards (Nasjonale mål, Kommuneplan, Lokale NAV-mål),
// drawn in flow coordinates under the viewport transform.
import { memo } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { TIER_LABELS, TIERS } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { BAND_HEIGHT, bandTop } from '../../shared';

const transformOf = (s: ReactFlowState) => s.transform;
const BAND_X0 = -100_000;
const BAND_WIDTH = 200_000;

export const Bands = memo(function Bands() {
  const { pick } = useI18n();
  const [tx, ty, zoom] = useStore(transformOf);
  // Cards keep 40 flow units clear below a band's top edge; the label shrinks with the zoom to fit
  // in that strip, so at overview zoom it does not cover the first row of cards.
  const fontSize = Math.max(9, Math.min(13, 24 * zoom));
  return (
    <div className="mk-bands" aria-hidden="true">
      <div className="mk-bands-layer" style={{ transform: `translate(${tx}px, ${ty}px) scale(${zoom})` }}>
        {TIERS.map((tier, i) => (
          <div
            key={tier}
            className={`mk-band mk-band-${tier}${i % 2 ? ' mk-band-odd' : ''}`}
            style={{ left: BAND_X0, top: bandTop(tier), width: BAND_WIDTH, height: BAND_HEIGHT }}
          />
        ))}
      </div>
      {TIERS.map((tier) => (
        <div
          key={tier}
          className={`mk-band-label mk-band-label-${tier}`}
          data-tier={tier}
          style={{ top: ty + bandTop(tier) * zoom + 2, fontSize, padding: `${Math.round(fontSize * 0.12)}px ${Math.round(fontSize * 0.7)}px` }}
        >
          {pick(TIER_LABELS[tier])}
        </div>
      ))}
    </div>
  );
});
