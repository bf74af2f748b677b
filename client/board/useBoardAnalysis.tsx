// The board's rule violations, coverage and divergences, recomputed shortly after content changes,
// and the violations marked on the canvas. Computed once per board (BoardAnalysis, mounted by
// BoardView), so the marks do not depend on the analysis panel being open; the panel reads it.
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { coverage, divergences, redThreadBreaks, sdgCoverage, validateGraph, type Coverage, type Divergence, type SdgCoverageRow, type ThreadBreak, type Violation } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from './BoardContext';

export interface Analysis {
  violations: Violation[];
  coverage: Coverage;
  divergences: Divergence[];
  /** Which cards support which bærekraftsmål. */
  sdg: SdgCoverageRow[];
  /** Every break of the rød tråd (shared/redThread.ts). */
  redThread: ThreadBreak[];
}

function useBoardAnalysis(): Analysis | null {
  const { store } = useBoardContext();
  const { lang } = useI18n();
  const version = useSyncExternalStore(store.subscribeGraph, store.getGraphVersion);
  const [result, setResult] = useState<Analysis | null>(null);
  useEffect(() => {
    const run = () => {
      const graph = store.projection.graph();
      const violations = validateGraph(graph, lang === 'en' ? 'en' : lang);
      const nodes = new Set<string>();
      const edges = new Set<string>();
      for (const v of violations) {
        for (const id of v.nodeIds ?? []) nodes.add(id);
        if (v.edgeId) edges.add(v.edgeId);
        for (const id of v.edgeIds ?? []) edges.add(id);
      }
      store.setInvalid(nodes, edges);
      setResult({ violations, coverage: coverage(graph), divergences: divergences(graph), sdg: sdgCoverage(graph), redThread: redThreadBreaks(graph) });
    };
    // Shortly after the last change, and when the page is idle: on a large board the analysis takes
    // a few hundred ms, and run on a timer it could land before the cards were first painted (#19 §1).
    let idle = 0;
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 1000 });
      else run();
    }, 200);
    return () => {
      clearTimeout(timer);
      if (idle) cancelIdleCallback(idle);
    };
  }, [version, lang, store]);
  return result;
}

const AnalysisContext = createContext<Analysis | null>(null);

/** Computes the analysis for the board in context and marks its violations on the canvas. */
export function BoardAnalysis({ children }: { children: ReactNode }) {
  const analysis = useBoardAnalysis();
  return <AnalysisContext.Provider value={analysis}>{children}</AnalysisContext.Provider>;
}

/** The latest analysis (null until the first one is ready). */
export function useAnalysis(): Analysis | null {
  return useContext(AnalysisContext);
}
