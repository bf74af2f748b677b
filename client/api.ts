// The server's REST API (boards). Errors come back as ApiError with the server's code and details.
import type { AgreeingSide, AgreementRecord, AuditEntry, BoardDiff, BoardJson, LinkKind, VoteRecord } from '../shared';
import type { AccessSummary, BoardSummary, CreatedBoard, ErrorBody, ErrorDetail, RestoreResult, Role, SnapshotSummary, TokenSet } from '../shared';

// The contract with the server is shared/wire.ts; its types are re-exported for the UI.
export type { AccessSummary, BoardSummary, CreatedBoard, ErrorDetail, RestoreResult, Role, SnapshotSummary, TokenSet };

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
    const e = (body as ErrorBody | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? (text || res.statusText), (e?.details as ErrorDetail[] | undefined) ?? []);
  }
  return body as T;
}

export function createBoard(input: { title: string } | { board: unknown }): Promise<CreatedBoard> {
  return request<CreatedBoard>('/api/boards', { method: 'POST', body: JSON.stringify(input) });
}

export function getBoard(id: string, token: string): Promise<BoardSummary> {
  return request<BoardSummary>(`/api/boards/${encodeURIComponent(id)}`, {}, token);
}

/** What the caller may do on a board, without loading it on the server (the board page opens with this). */
export function getBoardAccess(id: string, token: string): Promise<AccessSummary> {
  return request<AccessSummary>(`/api/boards/${encodeURIComponent(id)}/access`, {}, token);
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
export function getLinks(id: string, token: string): Promise<Partial<TokenSet>> {
  return request<{ links: Partial<TokenSet> }>(`/api/boards/${encodeURIComponent(id)}/links`, {}, token).then((r) => r.links);
}

/** New links for `roles` (owner only); holders of the old ones are disconnected. */
export function rotateLinks(id: string, ownerToken: string, roles: LinkKind[]): Promise<Partial<TokenSet>> {
  return request<{ tokens: Partial<TokenSet> }>(
    `/api/boards/${encodeURIComponent(id)}/tokens/rotate`,
    { method: 'POST', body: JSON.stringify({ roles }) },
    ownerToken,
  ).then((r) => r.tokens);
}

export function wsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}


export function listSnapshots(id: string, token: string): Promise<SnapshotSummary[]> {
  return request<{ snapshots: SnapshotSummary[] }>(`/api/boards/${encodeURIComponent(id)}/snapshots`, {}, token).then((r) => r.snapshots);
}

export function takeSnapshot(id: string, token: string, label: string, createdBy: string): Promise<SnapshotSummary> {
  return request<SnapshotSummary>(`/api/boards/${encodeURIComponent(id)}/snapshots`, { method: 'POST', body: JSON.stringify({ label, createdBy }) }, token);
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

const boardPath = (id: string) => `/api/boards/${encodeURIComponent(id)}`;

/** Gives this side-bound link's agreement to a card; the server writes the record (#16). */
export function giveAgreement(id: string, token: string, input: { targetId: string; side: AgreeingSide; name: string }): Promise<{ record: AgreementRecord }> {
  return request(`${boardPath(id)}/agreements`, { method: 'POST', body: JSON.stringify(input) }, token);
}

export function withdrawAgreement(id: string, token: string, targetId: string, side: AgreeingSide, name: string): Promise<void> {
  return request(`${boardPath(id)}/agreements/${encodeURIComponent(targetId)}/${side}?name=${encodeURIComponent(name)}`, { method: 'DELETE' }, token);
}

export interface Participant {
  participantId: string;
  name: string;
}

export function openVote(id: string, token: string, input: { title: string; targetIds: string[]; dots: number; by: Participant }): Promise<{ vote: VoteRecord }> {
  return request(`${boardPath(id)}/votes`, { method: 'POST', body: JSON.stringify(input) }, token);
}

export function closeVote(id: string, token: string, voteId: string, by: Participant): Promise<{ vote: VoteRecord }> {
  return request(`${boardPath(id)}/votes/${encodeURIComponent(voteId)}/close`, { method: 'POST', body: JSON.stringify({ by }) }, token);
}

/** A participant pass: the id the server keeps this browser's ballots under. */
export function participantPass(id: string, token: string): Promise<{ participantId: string; pass: string }> {
  return request(`${boardPath(id)}/participants`, { method: 'POST' }, token);
}

export function castBallot(id: string, token: string, pass: string, voteId: string, input: { name: string; dots: Record<string, number> }): Promise<{ dots: Record<string, number>; voted: number }> {
  return request(`${boardPath(id)}/votes/${encodeURIComponent(voteId)}/ballot`, { method: 'PUT', body: JSON.stringify(input), headers: { 'X-Participant-Pass': pass } }, token);
}

export function myBallot(id: string, token: string, pass: string, voteId: string): Promise<{ dots: Record<string, number> }> {
  return request(`${boardPath(id)}/votes/${encodeURIComponent(voteId)}/ballot`, { headers: { 'X-Participant-Pass': pass } }, token);
}

/** One page of the audit log (owner only), newest first; `next` fetches the page after. */
export function auditPage(id: string, token: string, before?: number): Promise<{ entries: AuditEntry[]; next?: number }> {
  return request(`${boardPath(id)}/audit?limit=50${before !== undefined ? `&before=${before}` : ''}`, {}, token);
}

/** The whole audit log as CSV text (fetched with the token in a header, never in a URL). */
export async function auditCsvText(id: string, token: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`${boardPath(id)}/audit?format=csv`, { headers: { Authorization: `Bearer ${token}` } });
  } catch (err) {
    throw new ApiError(0, 'network', (err as Error).message);
  }
  if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, res.statusText);
  return res.text();
}
