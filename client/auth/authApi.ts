// The sign-in routes of the server (issue #17). The session cookie goes along by itself (same
// origin); invitation tokens travel in bodies, never in URLs.
import { request, type Role } from '../api';
import type { Side } from '../../shared';

export interface User {
  sub: string;
  name: string;
  email: string;
}
export type LinkPolicy = 'all' | 'viewer' | 'none';
export interface Member {
  sub: string;
  name: string;
  email?: string;
  role: Role;
  side: Side;
}
export interface MyBoard {
  id: string;
  title: string;
  role: Role;
  side: Side;
}

const board = (id: string) => `/api/boards/${encodeURIComponent(id)}`;

export const getMe = () => request<{ user: User }>('/api/me').then((r) => r.user);
export const myBoards = () => request<{ boards: MyBoard[] }>('/api/me/boards').then((r) => r.boards);
export const previewInvitation = (token: string) =>
  request<{ boardId: string; title: string; role: Role; side: Side }>('/api/invitations/preview', { method: 'POST', body: JSON.stringify({ token }) });
export const acceptInvitation = (token: string) =>
  request<{ boardId: string; role: Role; side: Side }>('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token }) });
export const listMembers = (id: string, token: string) => request<{ members: Member[] }>(`${board(id)}/members`, {}, token).then((r) => r.members);
export const updateMember = (id: string, token: string, sub: string, change: { role?: Role; side?: Side }) =>
  request<{ member: Member }>(`${board(id)}/members/${encodeURIComponent(sub)}`, { method: 'PATCH', body: JSON.stringify(change) }, token).then((r) => r.member);
export const removeMember = (id: string, token: string, sub: string) =>
  request<void>(`${board(id)}/members/${encodeURIComponent(sub)}`, { method: 'DELETE' }, token);
export const createInvitation = (id: string, token: string, role: Role, side: Side) =>
  request<{ token: string }>(`${board(id)}/invitations`, { method: 'POST', body: JSON.stringify({ role, side }) }, token).then((r) => r.token);
export const listInvitations = (id: string, token: string) => request<{ invitations: { id: string }[] }>(`${board(id)}/invitations`, {}, token).then((r) => r.invitations);
export const setLinkPolicy = (id: string, token: string, links: LinkPolicy) =>
  request<{ links: LinkPolicy }>(`${board(id)}/link-policy`, { method: 'PUT', body: JSON.stringify({ links }) }, token);
export const logout = () => request<{ endSessionUrl: string | null }>('/auth/logout', { method: 'POST' });

/** The sign-in page of the server, coming back to `returnTo` (this page by default). */
export function signInHref(returnTo = `${location.pathname}${location.search}${location.hash}`): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/** The invitation link to send: its token in the fragment, which browsers never send to a server. */
export function invitationLink(token: string): string {
  return `${location.origin}/invitasjon#token=${encodeURIComponent(token)}`;
}
