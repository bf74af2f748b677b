// What the server holds and vouches for (#16), as both sides must read it: the share links a
// board has (three by role, two more bound to a side), and the audit log's entries. Pure: no I/O.
import type { AgreeingSide } from './workshop/sides';

/** Every share link of a board: owner, editor, viewer, and the editor links bound to one side. */
export const LINK_KINDS = ['owner', 'editor', 'viewer', 'stat', 'kommune'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
/** Editor links bound to a side: they edit like the editor link and may agree for their own side only. */
export const SIDE_LINKS = ['stat', 'kommune'] as const satisfies readonly AgreeingSide[];

export function isLinkKind(v: unknown): v is LinkKind {
  return typeof v === 'string' && (LINK_KINDS as readonly string[]).includes(v);
}
export const isSideLink = (kind: LinkKind): kind is AgreeingSide => kind === 'stat' || kind === 'kommune';

/** Who did something: a name and whether the server knows it is theirs (sign-in) or was only told it (a typed name on a link). */
export interface AuditActor {
  name: string;
  verified: boolean;
}

export const AUDIT_ACTIONS = [
  'board.create', 'board.import', 'board.delete', 'tokens.rotate',
  'agreement.give', 'agreement.withdraw', 'vote.open', 'vote.close',
  'snapshot.take', 'snapshot.restore',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of a board's audit log, as the server wrote it (its time, its idea of the actor). */
export interface AuditEntry {
  /** ISO 8601, the server's clock. */
  at: string;
  action: AuditAction;
  actor: AuditActor;
  /** What it was done to: a card id, a vote id, a snapshot id. */
  target?: string;
  details?: Record<string, string | number | boolean | null>;
}

const csvCell = (v: unknown): string => {
  const s = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet: quoted with a ' before it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The audit log as CSV (semicolon, as Norwegian spreadsheets expect), newest first, one line per entry. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = ['tidspunkt;handling;aktør;verifisert;mål;detaljer'];
  for (const e of entries) {
    lines.push([e.at, e.action, e.actor.name, e.actor.verified ? 'ja' : 'nei', e.target ?? '', e.details ? JSON.stringify(e.details) : ''].map(csvCell).join(';'));
  }
  return lines.join('\r\n') + '\r\n';
}
