// The right-hand column: the inspector of the selection, then the analysis panel.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useT } from '../../i18n/I18nProvider';
import { useBoardContext } from '../BoardContext';
import { CardInspector } from './CardInspector';
import { EdgeInspector } from './EdgeInspector';
import { AnalysisPanel } from './AnalysisPanel';
import { InspectorExtras } from '../../workshop/InspectorExtras';
import { RedThreadPanel } from '../../redThread/RedThreadPanel';

export function SidePanel() {
  const t = useT();
  const { store, accessLost } = useBoardContext();
  const nodes = useSyncExternalStore(store.subscribe, store.getNodes);
  const edges = useSyncExternalStore(store.subscribe, store.getEdges);
  const selNodes = nodes.filter((n) => n.selected);
  const selEdges = edges.filter((e) => e.selected);
  // The analysis folds away while something is selected, so the inspector (and a card's links)
  // has the column; a click on its heading opens or closes it for good.
  const [analysisPref, setAnalysisPref] = useState<boolean | null>(null);
  const analysisOpen = analysisPref ?? (selNodes.length === 0 && selEdges.length === 0);
  const gone = useCardDeletedElsewhere(selNodes.length === 1 ? selNodes[0]!.id : null);
  let body;
  if (selNodes.length === 1) {
    const card = selNodes[0]!.data.card;
    const links = edges.filter((e) => e.source === card.id || e.target === card.id).map((e) => e.data!.edge);
    body = (
      <>
        <CardInspector key={card.id} card={card} links={links} />
        <InspectorExtras key={`ws-${card.id}`} card={card} />
      </>
    );
  } else if (selNodes.length > 1) {
    body = <p className="mk-muted">{t('inspectorMany', { n: selNodes.length })}</p>;
  } else if (selEdges.length === 1) {
    body = (
      <>
        <EdgeInspector key={selEdges[0]!.id} edge={selEdges[0]!.data!.edge} />
        <InspectorExtras key={`ws-${selEdges[0]!.id}`} edgeId={selEdges[0]!.id} />
      </>
    );
  } else {
    body = (
      <>
        {gone && (
          <p className="mk-field-notice" role="status" data-testid="inspector-card-gone">
            {t('inspectorCardGone')}
          </p>
        )}
        <p className="mk-muted">{t('inspectorEmpty')}</p>
      </>
    );
  }
  return (
    <aside className="mk-side" aria-label={t('inspector')}>
      <RedThreadPanel />
      <section className="mk-side-section mk-side-inspector">
        <h2>{t('inspector')}</h2>
        {accessLost && (
          <p className="mk-field-notice" role="status" data-testid="inspector-access-lost">
            {t('inspectorReadOnlyNow')}
          </p>
        )}
        {body}
      </section>
      <section className={`mk-side-section mk-side-analysis${analysisOpen ? '' : ' is-collapsed'}`}>
        <h2>
          <button
            type="button"
            className="mk-collapse-btn"
            aria-expanded={analysisOpen}
            aria-controls="mk-analysis-body"
            onClick={() => setAnalysisPref(!analysisOpen)}
            data-testid="analysis-toggle"
          >
            <span aria-hidden="true">{analysisOpen ? '▾' : '▸'}</span> {t('analysis')}
          </button>
        </h2>
        {/* Using it (a jump to a card selects that card) keeps it open. */}
        <div id="mk-analysis-body" hidden={!analysisOpen} onClickCapture={() => setAnalysisPref(true)}>
          {/* Kept mounted while folded: it also marks rule violations on the canvas. */}
          <AnalysisPanel />
        </div>
      </section>
    </aside>
  );
}

/** True after the card shown in the inspector was deleted by someone else (until something else is selected). */
function useCardDeletedElsewhere(selected: string | null): boolean {
  const { store } = useBoardContext();
  const shown = useRef<string | null>(selected);
  const [gone, setGone] = useState(false);
  useEffect(() => {
    if (selected) {
      shown.current = selected;
      setGone(false);
    }
  }, [selected]);
  useEffect(() => {
    const onNodes = (ev: Y.YMapEvent<Y.Map<unknown>>, tr: Y.Transaction) => {
      const id = shown.current;
      if (!tr.local && id && ev.keysChanged.has(id) && !store.maps.nodes.has(id)) setGone(true);
    };
    store.maps.nodes.observe(onNodes);
    return () => store.maps.nodes.unobserve(onNodes);
  }, [store]);
  return gone && !selected;
}
