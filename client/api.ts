// The server's REST API (boards). Errors come back as ApiError with the server's code and details.
import type { BoardDiff, BoardJson } from '../shared';
export type Role = 'owner' | 'editor' | 'viewer';
export interface BoardTokens {
  owner: string;
  editor: string;
  viewer: string;
}
export interface CreatedBoard {
  id: string;
  tokens: BoardTokens;
  /** `none` when a signed-in person made it: members only until they open links in «Del». */
  links?: 'all' | 'viewer' | 'none';
}
export interface BoardInfo {
  id: string;
  meta: { title?: string; municipality?: string; language?: string };
  counts: { nodes: number; edges: number };
  role: Role;
  /** With sign-in (issue #17): which share links open the board (absent = all). */
  links?: 'all' | 'viewer' | 'none';
  /** With sign-in: the caller as a verified member (name and side from the server). */
  member?: { sub: string; name: string; side: import('../shared').Side };
}
export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export async function request<T>(path: string, init: RequestInit = {}, token?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
  } catch (err) {
    throw new ApiError(0, 'network', (err as Error).message);
  }
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? (text || res.statusText), e?.details ?? []);
  }
  return body as T;
}

export function createBoard(input: { title: string } | { board: unknown }): Promise<CreatedBoard> {
  return request<CreatedBoard>('/api/boards', { method: 'POST', body: JSON.stringify(input) });
}

export function getBoard(id: string, token: string): Promise<BoardInfo> {
  return request<BoardInfo>(`/api/boards/${encodeURIComponent(id)}`, {}, token);
}

/** A share link: the token is in the fragment, which the browser never sends to a server. */
export function boardLink(id: string, token: string): string {
  return `${location.origin}/b/${encodeURIComponent(id)}#token=${encodeURIComponent(token)}`;
}

/** A single-use ticket (valid ~30 s) for opening the board's WebSocket without its token in the URL. */
export function wsTicket(id: string, token: string): Promise<{ ticket: string; role: Role }> {
  return request<{ ticket: string; role: Role }>(`/api/boards/${encodeURIComponent(id)}/ws-ticket`, { method: 'POST' }, token);
}

/** The links the caller may pass on (owner: editor and viewer; editor: viewer), as far as the server can give them. */
export function getLinks(id: string, token: string): Promise<Partial<BoardTokens>> {
  return request<{ links: Partial<BoardTokens> }>(`/api/boards/${encodeURIComponent(id)}/links`, {}, token).then((r) => r.links);
}

/** New links for `roles` (owner only); holders of the old ones are disconnected. */
export function rotateLinks(id: string, ownerToken: string, roles: Role[]): Promise<Partial<BoardTokens>> {
  return request<{ tokens: Partial<BoardTokens> }>(
    `/api/boards/${encodeURIComponent(id)}/tokens/rotate`,
    { method: 'POST', body: JSON.stringify({ roles }) },
    ownerToken,
  ).then((r) => r.tokens);
}

export function wsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

export interface SnapshotInfo {
  id: string;
  label: string;
  createdAt: string | number;
  createdBy: string;
  counts?: { nodes: number; edges: number };
  auto?: boolean;
}

export function listSnapshots(id: string, token: string): Promise<SnapshotInfo[]> {
  return request<{ snapshots: SnapshotInfo[] }>(`/api/boards/${encodeURIComponent(id)}/snapshots`, {}, token).then((r) => r.snapshots);
}

export function takeSnapshot(id: string, token: string, label: string, createdBy: string): Promise<SnapshotInfo> {
  return request<SnapshotInfo>(`/api/boards/${encodeURIComponent(id)}/snapshots`, { method: 'POST', body: JSON.stringify({ label, createdBy }) }, token);
}

export interface RestoreResult {
  restored: SnapshotInfo;
  /** The snapshot taken just before the restore: restoring it undoes the restore. Null when it could not be made. */
  before: SnapshotInfo | null;
}

export function restoreSnapshot(id: string, token: string, sid: string, createdBy: string): Promise<RestoreResult> {
  return request<RestoreResult>(`/api/boards/${encodeURIComponent(id)}/snapshots/${encodeURIComponent(sid)}/restore`, { method: 'POST', body: JSON.stringify({ createdBy }) }, token);
}


/** A snapshot's content as interchange JSON. */
export function getSnapshotBoard(id: string, token: string, sid: string): Promise<BoardJson> {
  return request<BoardJson>(`/api/boards/${encodeURIComponent(id)}/snapshots/${encodeURIComponent(sid)}`, {}, token);
}

/** What changed from snapshot `a` to `b` (`live` = the board now). */
export function getSnapshotDiff(id: string, token: string, a: string, b: string): Promise<BoardDiff> {
  return request<BoardDiff>(`/api/boards/${encodeURIComponent(id)}/snapshots/${encodeURIComponent(a)}/diff/${encodeURIComponent(b)}`, {}, token);
}

/** The export route without the token (for fetches that send it in the Authorization header). */
export function exportPath(id: string, params: Record<string, string>): string {
  return `/api/boards/${encodeURIComponent(id)}/export?${new URLSearchParams(params)}`;
}
