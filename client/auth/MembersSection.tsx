// Members in the «Del» dialog (issue #17). Everyone sees who the members are; the owner sets each
// one's role and side, removes members (their connections close at once), makes one-time
// invitation links and chooses which share links still open the board.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { SIDES, SIDE_LABELS, type Side } from '../../shared';
import { ApiError, getBoardAccess, type Role } from '../api';
import { copyText } from '../landing/LinkRow';
import {
  createInvitation, invitationLink, listMembers, removeMember, setLinkPolicy, updateMember, type LinkPolicy, type Member,
} from './authApi';

const ROLES: Role[] = ['owner', 'editor', 'viewer'];
const POLICIES: { value: LinkPolicy; label: 'linkPolicyAll' | 'linkPolicyViewer' | 'linkPolicyNone' }[] = [
  { value: 'all', label: 'linkPolicyAll' },
  { value: 'viewer', label: 'linkPolicyViewer' },
  { value: 'none', label: 'linkPolicyNone' },
];

export function MembersSection({ boardId, token, isOwner }: { boardId: string; token: string; isOwner: boolean }) {
  const { t, pick } = useI18n();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [policy, setPolicy] = useState<LinkPolicy>('all');
  const [invite, setInvite] = useState<{ role: Role; side: Side }>({ role: 'editor', side: 'kommune' });
  const [inviteUrl, setInviteUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const fail = (err: unknown) => setError(t('errorGeneric', { message: err instanceof ApiError ? err.message : String(err) }));

  useEffect(() => {
    let live = true;
    listMembers(boardId, token).then((m) => live && setMembers(m), (err: unknown) => live && fail(err));
    getBoardAccess(boardId, token).then((b) => live && setPolicy(b.links ?? 'all'), () => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, token]);

  const roleLabel = { owner: t('roleOwner'), editor: t('roleEditor'), viewer: t('roleViewer') };
  const change = async (m: Member, c: { role?: Role; side?: Side }) => {
    setError(null);
    try {
      const next = await updateMember(boardId, token, m.sub, c);
      setMembers((list) => list?.map((x) => (x.sub === m.sub ? next : x)) ?? null);
    } catch (err) {
      fail(err);
    }
  };
  const remove = async (m: Member) => {
    setError(null);
    try {
      await removeMember(boardId, token, m.sub);
      setMembers((list) => list?.filter((x) => x.sub !== m.sub) ?? null);
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section className="mk-members" aria-labelledby="mk-members-h" data-testid="members">
      <h3 id="mk-members-h">{t('membersTitle')}</h3>
      <p className="mk-muted mk-small">{t('membersIntro')}</p>
      {members === null ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <ul className="mk-member-list">
          {members.map((m) => (
            <li key={m.sub} className="mk-member" data-testid={`member-${m.sub}`}>
              <span className="mk-member-name">
                {m.name}
                {m.email && <span className="mk-muted mk-small"> {m.email}</span>}
              </span>
              {isOwner ? (
                <>
                  <select aria-label={t('memberRoleLabel', { name: m.name })} value={m.role} onChange={(e) => void change(m, { role: e.target.value as Role })} data-testid={`member-role-${m.sub}`}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {roleLabel[r]}
                      </option>
                    ))}
                  </select>
                  <select aria-label={t('memberSideLabel', { name: m.name })} value={m.side} onChange={(e) => void change(m, { side: e.target.value as Side })} data-testid={`member-side-${m.sub}`}>
                    {SIDES.map((s) => (
                      <option key={s} value={s}>
                        {pick(SIDE_LABELS[s])}
                      </option>
                    ))}
                  </select>
                  <button type="button" className="mk-btn mk-btn-small mk-btn-ghost" aria-label={t('memberRemoveLabel', { name: m.name })} onClick={() => void remove(m)}>
                    {t('memberRemove')}
                  </button>
                </>
              ) : (
                <span className="mk-muted">
                  {roleLabel[m.role]} · {pick(SIDE_LABELS[m.side])}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {isOwner && (
        <>
          <fieldset className="mk-invite">
            <legend>{t('inviteTitle')}</legend>
            <label>
              {t('inviteRole')}{' '}
              <select value={invite.role} onChange={(e) => setInvite((i) => ({ ...i, role: e.target.value as Role }))} data-testid="invite-role">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel[r]}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('inviteSide')}{' '}
              <select value={invite.side} onChange={(e) => setInvite((i) => ({ ...i, side: e.target.value as Side }))} data-testid="invite-side">
                {SIDES.map((s) => (
                  <option key={s} value={s}>
                    {pick(SIDE_LABELS[s])}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button
              type="button"
              className="mk-btn"
              onClick={() => {
                setError(null);
                createInvitation(boardId, token, invite.role, invite.side).then((tok) => setInviteUrl(invitationLink(tok)), fail);
              }}
              data-testid="invite-create"
            >
              {t('inviteCreate')}
            </button>
            {inviteUrl && (
              <div className="mk-row">
                <input readOnly value={inviteUrl} aria-label={t('inviteLinkLabel')} data-testid="invite-link" onFocus={(e) => e.target.select()} />
                <button type="button" className="mk-btn" onClick={() => void copyText(inviteUrl).then(() => setStatus(t('copied')))}>
                  {t('inviteCopy')}
                </button>
              </div>
            )}
          </fieldset>
          <fieldset className="mk-link-policy">
            <legend>{t('linkPolicyTitle')}</legend>
            {POLICIES.map((p) => (
              <label key={p.value} className="mk-radio">
                <input
                  type="radio"
                  name="mk-link-policy"
                  value={p.value}
                  checked={policy === p.value}
                  onChange={() => {
                    setError(null);
                    setLinkPolicy(boardId, token, p.value).then((r) => setPolicy(r.links), fail);
                  }}
                  data-testid={`link-policy-${p.value}`}
                />{' '}
                {t(p.label)}
              </label>
            ))}
          </fieldset>
        </>
      )}
      {status && <p role="status">{status}</p>}
      {error && (
        <p role="alert" className="mk-error">
          {error}
        </p>
      )}
    </section>
  );
}
