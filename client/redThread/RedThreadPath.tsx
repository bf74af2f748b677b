// The ordered path of a rød tråd: what the card answers to (the furthest first), the card, what
// carries it out; every line a button that goes to its card, breaks named on the line and below.
// Shown by the side panel and by the outline view, each with its own way to go to a card.
import { THREAD_BREAK_LABELS, type RedThread } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { edgeKindLabel, kindLabel } from '../board/nodes/ariaNames';
import { threadSections, type ThreadLine } from './threadLines';

export function RedThreadPath({ thread, onJump, idPrefix }: { thread: RedThread; onJump(id: string): void; idPrefix: string }) {
  const { t, pick } = useI18n();
  const s = threadSections(thread);
  const line = (l: ThreadLine) => (
    <li key={l.id} className={`mk-rt-line${l.breaks.length ? ' has-break' : ''}${l.depth === 0 ? ' is-start' : ''}`} data-rt-id={l.id} data-rt-depth={l.depth}>
      <button type="button" className="mk-list-btn mk-rt-btn" onClick={() => onJump(l.id)}>
        <span className="mk-rt-kind">{kindLabel(pick, l.kind)}</span> {l.title || t('untitledCard')}
        {l.via.length > 0 && <span className="mk-rt-via"> ({t('rtVia', { links: l.via.map((k) => edgeKindLabel(pick, k)).join(', ') })})</span>}
      </button>
      {l.breaks.map((b) => (
        <span key={b} className="mk-rt-break-tag">
          <span aria-hidden="true">⚠ </span>
          {pick(THREAD_BREAK_LABELS[b])}
        </span>
      ))}
    </li>
  );
  const group = (key: 'above' | 'start' | 'below', heading: string, lines: ThreadLine[], empty: string) => (
    <div className="mk-rt-group" key={key}>
      <h4 id={`${idPrefix}-${key}`}>{heading}</h4>
      {lines.length ? (
        <ol className="mk-list mk-rt-list" aria-labelledby={`${idPrefix}-${key}`} data-testid={`${idPrefix}-${key}`}>
          {lines.map(line)}
        </ol>
      ) : (
        <p className="mk-muted">{empty}</p>
      )}
    </div>
  );
  return (
    <div className="mk-rt-path">
      {group('above', t('rtAbove'), s.above, t('rtNoneAbove'))}
      {group('start', t('rtStart'), [s.start], '')}
      {group('below', t('rtBelow'), s.below, t('rtNoneBelow'))}
      <div className="mk-rt-group">
        <h4>{t('rtBreaks')}</h4>
        {thread.breaks.length ? (
          <ul className="mk-list" data-testid={`${idPrefix}-breaks`}>
            {thread.breaks.map((b) => (
              <li key={`${b.node.id}:${b.kind}`}>
                <button type="button" className="mk-list-btn mk-problem" onClick={() => onJump(b.node.id)}>
                  {pick(THREAD_BREAK_LABELS[b.kind])}: {b.node.title || t('untitledCard')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mk-muted">{t('rtNoBreaks')}</p>
        )}
      </div>
    </div>
  );
}
