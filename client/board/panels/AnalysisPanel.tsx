// Rule violations, coverage and divergence (docs/domain.md "What users get out of it"); every entry
// jumps to its card.
import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { THREAD_BREAK_KINDS, THREAD_BREAK_LABELS, type BoardNode } from '../../../shared';
import { useI18n } from '../../i18n/I18nProvider';
import type { StringKey } from '../../i18n/strings';
import { useBoardContext } from '../BoardContext';
import { focusCard } from '../../ui/focusCard';
import { SdgChip } from './SdgPicker';
import { useAnalysis } from '../useBoardAnalysis';

type Tab = 'problems' | 'coverage' | 'thread' | 'divergence';

export function AnalysisPanel() {
  const { t, pick } = useI18n();
  const { store } = useBoardContext();
  const rf = useReactFlow();
  const analysis = useAnalysis();
  const [tab, setTab] = useState<Tab>('problems');
  const jump = (id: string) => focusCard(rf, store, id);
  if (!analysis) return null;
  const { violations, coverage, divergences } = analysis;
  const covSections: [StringKey, BoardNode[]][] = [
    ['covNational', coverage.nationalGoalsNotOperationalised],
    ['covUnanchored', coverage.localGoalsUnanchored],
    ['covNoIndicator', coverage.goalsWithoutIndicator],
    ['covNoTarget', coverage.indicatorsWithoutTarget],
  ];
  const covCount = covSections.reduce((n, [, l]) => n + l.length, 0);
  const tabs: [Tab, StringKey, number][] = [
    ['problems', 'problemsTitle', violations.length],
    ['coverage', 'coverageTitle', covCount],
    ['thread', 'rtTitle', analysis.redThread.length],
    ['divergence', 'divergenceTitle', divergences.length],
  ];
  return (
    <section className="mk-analysis" aria-labelledby="mk-analysis-h">
      {/* A heading to navigate by (the tabs say the rest). */}
      <h2 id="mk-analysis-h" className="mk-visually-hidden">
        {t('panels')}
      </h2>
      <div role="tablist" className="mk-tabs" aria-labelledby="mk-analysis-h">
        {tabs.map(([id, label, n]) => (
          <button
            key={id}
            role="tab"
            type="button"
            id={`mk-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`mk-tabpanel-${id}`}
            className={`mk-tab${tab === id ? ' is-active' : ''}${id === 'problems' && n > 0 ? ' has-problems' : ''}`}
            onClick={() => setTab(id)}
          >
            {t(label)} <span className="mk-count">{n}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`mk-tabpanel-${tab}`} aria-labelledby={`mk-tab-${tab}`} className="mk-tabpanel">
        {tab === 'problems' &&
          (violations.length === 0 ? (
            <p className="mk-muted">{t('problemsNone')}</p>
          ) : (
            <ul className="mk-list" data-testid="violations">
              {violations.map((v, i) => {
                const target = v.nodeIds?.[0] ?? (v.edgeId ? store.link(v.edgeId)?.source : undefined);
                return (
                  <li key={i}>
                    <button type="button" className="mk-list-btn mk-problem" disabled={!target} onClick={() => target && jump(target)}>
                      {v.message}
                    </button>
                  </li>
                );
              })}
            </ul>
          ))}
        {tab === 'coverage' &&
          (covCount === 0 ? (
            <p className="mk-muted">{t('allCovered')}</p>
          ) : (
            covSections.map(([label, list]) =>
              list.length === 0 ? null : (
                <div key={label} className="mk-cov">
                  <h3>
                    {t(label)} <span className="mk-count">{list.length}</span>
                  </h3>
                  <ul className="mk-list">
                    {list.map((n) => (
                      <li key={n.id}>
                        <button type="button" className="mk-list-btn" onClick={() => jump(n.id)}>
                          {n.title || n.id}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ),
            )
          ))}
        {tab === 'coverage' && (
          <div className="mk-cov mk-sdg-cov" data-testid="sdg-coverage">
            <h3>{t('sdgCoverageTitle')}</h3>
            {analysis.sdg.length === 0 ? (
              <p className="mk-muted">{t('sdgCoverageNone')}</p>
            ) : (
              <table className="mk-sdg-table">
                <tbody>
                  {analysis.sdg.map((row) => (
                    <tr key={row.goal.number}>
                      <th scope="row">
                        <SdgChip code={String(row.goal.number)} /> {pick(row.goal.name)}
                      </th>
                      <td>
                        <ul className="mk-list">
                          {row.cards.map(({ node, codes }) => (
                            <li key={node.id}>
                              <button type="button" className="mk-list-btn" onClick={() => jump(node.id)}>
                                {`${node.title || node.id}${codes.some((c) => c.includes('.')) ? ` (${codes.join(', ')})` : ''}`}
                              </button>
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
        {tab === 'thread' && (
          <div data-testid="red-thread-check">
            <p className="mk-muted">{t('rtBoardIntro')}</p>
            {analysis.redThread.length === 0 ? (
              <p className="mk-muted">{t('rtBoardNoBreaks')}</p>
            ) : (
              THREAD_BREAK_KINDS.map((kind) => {
                const list = analysis.redThread.filter((b) => b.kind === kind);
                return list.length === 0 ? null : (
                  <div key={kind} className="mk-cov">
                    <h3>
                      {pick(THREAD_BREAK_LABELS[kind])} <span className="mk-count">{list.length}</span>
                    </h3>
                    <ul className="mk-list">
                      {list.map((b) => (
                        <li key={b.node.id}>
                          <button type="button" className="mk-list-btn" onClick={() => jump(b.node.id)}>
                            {b.node.title || b.node.id}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })
            )}
          </div>
        )}
        {tab === 'divergence' &&
          (divergences.length === 0 ? (
            <p className="mk-muted">{t('divergenceNone')}</p>
          ) : (
            <ul className="mk-list">
              {divergences.map((d) => (
                <li key={d.edge.id} className={`mk-divergence mk-sev-${d.edge.severity ?? 'none'}`}>
                  <button type="button" className="mk-link-btn" onClick={() => jump(d.source.id)}>
                    {d.source.title}
                  </button>
                  <span aria-hidden="true"> ⚡ </span>
                  <button type="button" className="mk-link-btn" onClick={() => jump(d.target.id)}>
                    {d.target.title}
                  </button>
                  {d.edge.note && <p className="mk-divergence-note">{d.edge.note}</p>}
                </li>
              ))}
            </ul>
          ))}
      </div>
    </section>
  );
}
