// The comment threads of one card or link, in the inspector: start one, reply, mention someone,
// resolve and reopen. They live in the board document, so they are written offline too.
import { useMemo, useRef, useState } from 'react';
import { commentStampsOf, threadsOf, trustedMessage, trustedResolve, type ThreadView } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useWorkshop, useWorkshopVersion } from './WorkshopContext';
import { MentionInput, MessageText, useMentionables, type Mentionable } from './MentionInput';
import { formatWhen } from '../i18n/format';

export function CommentsSection({ targetId, targetType }: { targetId: string; targetType: 'node' | 'edge' }) {
  const { t } = useI18n();
  const { ws, wa, canEdit } = useWorkshop();
  const version = useWorkshopVersion();
  const threads = useMemo(() => threadsOf(ws.doc, targetId), [ws, targetId, version]);
  const people = useMentionables();
  const [showResolved, setShowResolved] = useState(false);
  const open = threads.filter((th) => !th.resolved);
  const resolved = threads.filter((th) => th.resolved);
  return (
    <section id="mk-comments" className="mk-ws-comments" aria-label={t('wsComments')} data-testid="comments-section">
      <h3>
        {t('wsComments')} {open.length > 0 && <span className="mk-count">{open.length}</span>}
      </h3>
      {threads.length === 0 && <p className="mk-muted mk-small">{t('wsNoThreads')}</p>}
      {open.map((th) => (
        <Thread key={th.id} thread={th} people={people} />
      ))}
      {resolved.length > 0 && (
        <label className="mk-check mk-small">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          {t('wsShowResolved')} ({resolved.length})
        </label>
      )}
      {showResolved && resolved.map((th) => <Thread key={th.id} thread={th} people={people} />)}
      {canEdit && (
        <div className="mk-ws-new-thread">
          <MentionInput label={t('wsNewThread')} testId="new-comment" onSend={(text, mentions) => !!wa.startThread(targetId, targetType, text, mentions)} />
        </div>
      )}
    </section>
  );
}

function Thread({ thread, people }: { thread: ThreadView; people: readonly Mentionable[] }) {
  const { t, lang } = useI18n();
  const { ws, wa, canEdit } = useWorkshop();
  // Author and time as the server stamped them (#16 §4); the browser's claim, marked, until then.
  const stamps = commentStampsOf(ws.doc);
  const resolvedBy = trustedResolve(thread, stamps);
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  /** Closes the reply box and gives focus back to «Svar», so it never falls to the page. */
  const closeReply = () => {
    setReplying(false);
    requestAnimationFrame(() => replyButton.current?.focus());
  };
  return (
    <article className={`mk-ws-thread${thread.resolved ? ' is-resolved' : ''}`} data-testid="comment-thread" data-thread-id={thread.id} data-resolved={thread.resolved}>
      <ul className="mk-ws-messages">
        {thread.messages.map((m, i) => {
          const shown = trustedMessage(thread.id, m, stamps);
          return (
            <li key={`${m.id}-${i}`} data-testid="comment-message" data-stamped={shown.stamped}>
              <div className="mk-ws-message-head">
                <strong>{shown.name}</strong>
                {shown.verified && <span className="mk-muted mk-small"> ({t('wsVerifiedName')})</span>}{' '}
                <span className="mk-muted mk-small">{formatWhen(shown.at, lang)}</span>
                {!shown.stamped && (
                  <span className="mk-muted mk-small" title={t('wsUnconfirmedHint')} data-testid="comment-unconfirmed">
                    {' '}· {t('wsUnconfirmed')}
                    <span className="mk-visually-hidden">: {t('wsUnconfirmedHint')}</span>
                  </span>
                )}
              </div>
              <div className="mk-ws-message-text">
                <MessageText text={m.text} people={people} />
              </div>
            </li>
          );
        })}
      </ul>
      {resolvedBy && <p className="mk-muted mk-small">{t('wsResolvedBy', { name: resolvedBy.name })}</p>}
      {canEdit && (
        <div className="mk-row">
          {!thread.resolved && (
            <button ref={replyButton} type="button" className="mk-btn mk-btn-small" onClick={() => setReplying(!replying)} aria-expanded={replying} data-testid="reply-toggle">
              {t('wsReply')}
            </button>
          )}
          {thread.resolved ? (
            <button type="button" className="mk-btn mk-btn-small" onClick={() => wa.reopen(thread.id)} data-testid="reopen">
              {t('wsReopen')}
            </button>
          ) : (
            <button type="button" className="mk-btn mk-btn-small" onClick={() => wa.resolve(thread.id)} data-testid="resolve">
              ✓ {t('wsResolve')}
            </button>
          )}
        </div>
      )}
      {replying && !thread.resolved && (
        <MentionInput
          label={t('wsReply')}
          testId="reply"
          autoFocus
          onEscape={closeReply}
          onSend={(text, mentions) => {
            const ok = wa.reply(thread.id, text, mentions);
            if (ok) closeReply();
            return ok;
          }}
        />
      )}
    </article>
  );
}
