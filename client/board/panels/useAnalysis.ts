// The board's rule violations, coverage and divergences, recomputed shortly after content changes,
// and the violations marked on the canvas.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { coverage, divergences, readGraph, sdgCoverage, validateGraph, type Coverage, type Divergence, type SdgCoverageRow, type Violation } from '../../../shared';
import { useI18n } from '../../i18n/I18nProvider';
import { useBoardContext } from '../BoardContext';

export interface Analysis {
  violations: Violation[];
  coverage: Coverage;
  divergences: Divergence[];
  /** Which cards support which bærekraftsmål. */
  sdg: SdgCoverageRow[];
}

export function useAnalysis(): Analysis | null {
  const { store } = useBoardContext();
  const { lang } = useI18n();
  const version = useSyncExternalStore(store.subscribeGraph, store.getGraphVersion);
  const [result, setResult] = useState<Analysis | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const graph = readGraph(store.doc);
      const violations = validateGraph(graph, lang === 'en' ? 'en' : lang);
      const nodes = new Set<string>();
      const edges = new Set<string>();
      for (const v of violations) {
        for (const id of v.nodeIds ?? []) nodes.add(id);
        if (v.edgeId) edges.add(v.edgeId);
        for (const id of v.edgeIds ?? []) edges.add(id);
      }
      store.setInvalid(nodes, edges);
      setResult({ violations, coverage: coverage(graph), divergences: divergences(graph), sdg: sdgCoverage(graph) });
    }, 200);
    return () => clearTimeout(timer);
  }, [version, lang, store]);
  return result;
}
