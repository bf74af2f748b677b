// «Del» in the top bar (issue 11 §3): the links this person may pass on, with copy buttons; with
// sign-in (issue #17) first the members, invitations and which links still work (MembersSection).
// Owner: the editor, stat, kommune and viewer links (and their own owner link) with a sentence on
// who gets which (#16), new links for all of them, a new owner link. Editor: the viewer link (and their own). Viewer: a read-only variant with their own
// viewer link. Links come from the server (sealed under the holder's token, server/auth/sealedLinks.ts)
// and from what this browser holds; what is fetched is kept in «Tavler du har åpnet» too.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { ApiError, boardLink, getLinks, rotateLinks, type Role } from '../api';
import type { LinkKind } from '../../shared';
import { replaceLocation } from '../navigation';
import { heldLinks, rememberLinks, type HeldLinks } from '../landing/recentBoards';
import { LinkRow, ROLE_TEXT } from '../landing/LinkRow';
import { Modal } from '../ui/Modal';
import { useBoardContext } from './BoardContext';
import { beginOwnLinkRotation } from './ownLinkRotation';
import { MembersSection } from '../auth/MembersSection';
import { useSignIn } from '../auth/useSignIn';

/** Which links each role sees, in order. */
const SHOWN: Record<Role, LinkKind[]> = { owner: ['editor', 'stat', 'kommune', 'viewer', 'owner'], editor: ['viewer', 'editor'], viewer: ['viewer'] };

type Confirm = null | 'links' | 'owner';

export function ShareButton({ boardId, token }: { boardId: string; token: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="mk-btn" onClick={() => setOpen(true)} data-testid="share-button" aria-haspopup="dialog">
        {t('share')}
      </button>
      {open && <ShareDialog boardId={boardId} token={token} onClose={() => setOpen(false)} />}
    </>
  );
}

export function ShareDialog({ boardId, token, onClose }: { boardId: string; token: string; onClose(): void }) {
  const t = useT();
  const { role } = useBoardContext();
  const signIn = useSignIn();
  // The side-bound links come from the server only (this browser's list keeps links by role).
  const [links, setLinks] = useState<HeldLinks & Partial<Record<LinkKind, string>>>(() => ({ ...heldLinks(boardId), ...(token ? { [role]: token } : {}) }));
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getLinks(boardId, token)
      .then((fromServer) => {
        if (!live || Object.keys(fromServer).length === 0) return;
        rememberLinks(boardId, fromServer, { touch: false });
        setLinks((l) => ({ ...l, ...fromServer }));
      })
      .catch(() => undefined /* offline: what this browser holds */);
    return () => {
      live = false;
    };
  }, [boardId, token]);

  // Focus goes back to the button that asked for the confirmation once it is answered.
  const rotateRef = useRef<HTMLButtonElement>(null);
  const rotateOwnerRef = useRef<HTMLButtonElement>(null);
  const lastAsked = useRef<Confirm>(null);
  useEffect(() => {
    if (confirm) lastAsked.current = confirm;
    else if (lastAsked.current) (lastAsked.current === 'owner' ? rotateOwnerRef : rotateRef).current?.focus();
  }, [confirm]);

  // Ends the "rotating my own owner link" marker when this page goes (it moved to the new link).
  const endOwnRotation = useRef<(() => void) | null>(null);
  useEffect(() => () => endOwnRotation.current?.(), []);

  const rotate = async (which: 'links' | 'owner') => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const end = which === 'owner' ? beginOwnLinkRotation(boardId) : null;
    try {
      const fresh = await rotateLinks(boardId, token, which === 'owner' ? ['owner'] : ['editor', 'viewer', 'stat', 'kommune']);
      rememberLinks(boardId, fresh, { touch: false });
      setLinks((l) => ({ ...l, ...fresh }));
      setConfirm(null);
      if (which === 'owner' && fresh.owner) {
        endOwnRotation.current = end;
        // This page moves to the new owner link (keeping an open snapshot in the URL).
        replaceLocation(`${location.pathname}${location.search}#token=${encodeURIComponent(fresh.owner)}`);
        return;
      }
      setNotice(t('rotatedLinks'));
    } catch (err) {
      end?.();
      setError(t('errorGeneric', { message: err instanceof ApiError ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  const intro = role === 'owner' ? 'shareIntroOwner' : role === 'editor' ? 'shareIntroEditor' : 'shareIntroViewer';
  return (
    <Modal title={t('shareTitle')} onClose={onClose}>
      <div className="mk-share mk-share-dialog" data-testid="share-dialog">
        {(signIn.state === 'signedIn' || signIn.state === 'signedOut') && <MembersSection boardId={boardId} token={token} isOwner={role === 'owner'} />}
        <p className="mk-muted">{t(intro)}</p>
        <ul className="mk-share-list">
          {SHOWN[role].map((r) =>
            links[r] ? (
              <LinkRow key={`${r}|${links[r]}`} role={r} url={boardLink(boardId, links[r]!)} testId={`share-link-${r}`} />
            ) : (
              <li key={r} className={`mk-share-item mk-role-${r}`} data-testid={`share-missing-${r}`}>
                <div className="mk-share-head">
                  <strong>{t(ROLE_TEXT[r].label)}</strong>
                  <span className="mk-muted">{t(role === 'owner' ? 'shareNotHeld' : 'shareNotHeldOther')}</span>
                </div>
              </li>
            ),
          )}
        </ul>
        {role === 'owner' && (
          <p className="mk-small" data-testid="share-sides">
            {t('shareSides')}
          </p>
        )}
        {role === 'owner' && <p className="mk-muted mk-small">{t('shareOwnerWarn')}</p>}
        {notice && (
          <p role="status" data-testid="share-notice">
            {notice}
          </p>
        )}
        {error && (
          <p role="alert" className="mk-error">
            {error}
          </p>
        )}
        {role === 'owner' &&
          (confirm ? (
            <div className="mk-warning" role="alertdialog" aria-labelledby="mk-share-confirm-text" data-testid="share-confirm">
              <p id="mk-share-confirm-text">{t(confirm === 'owner' ? 'rotateOwnerConfirm' : 'rotateLinksConfirm')}</p>
              <div className="mk-share-actions">
                <button type="button" className="mk-btn mk-btn-danger" disabled={busy} autoFocus onClick={() => void rotate(confirm)} data-testid="share-confirm-yes">
                  {t('rotateYes')}
                </button>
                <button type="button" className="mk-btn" disabled={busy} onClick={() => setConfirm(null)}>
                  {t('cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="mk-share-actions">
              <button type="button" className="mk-btn" ref={rotateRef} onClick={() => setConfirm('links')} data-testid="share-rotate">
                {t('rotateLinks')}
              </button>
              <button type="button" className="mk-btn mk-btn-ghost" ref={rotateOwnerRef} onClick={() => setConfirm('owner')} data-testid="share-rotate-owner">
                {t('rotateOwner')}
              </button>
            </div>
          ))}
      </div>
    </Modal>
  );
}
