// `npm run migrate-store -- --from ./data --to "$DATABASE_URL"`: copies every board (token hashes,
// sealed links, link policy, members, open invitations, compacted state, update log) and every
// snapshot from the SQLite store to Postgres (sessions are not copied: people sign in again),
// one board per transaction, then verifies each board against its source: token hashes, snapshot
// ids, and the document itself (same Yjs state vector and delete set, same interchange JSON).
// Run twice, it copies nothing again: a board already in Postgres is only verified.
import path from 'node:path';
import { existsSync } from 'node:fs';
import * as Y from 'yjs';
import { toBoardJson } from '../../shared/index';
import { SqliteStorage } from '../storage/SqliteStorage';
import { PostgresStorage } from '../storage/PostgresStorage';
import type { BoardStorage, SnapshotRecord, StoredDocument } from '../storage/BoardStorage';

export interface MigrationReport {
  boards: number;
  copied: number;
  /** Already in Postgres and equal to the source (a second run). */
  alreadyThere: number;
  snapshots: number;
  logRows: number;
  /** Audit log entries copied (#16), those of deleted boards too; a board whose log is already there is skipped. */
  auditEntries: number;
  /** Boards whose copy differs from the source, with what differs; empty when all is well. */
  mismatches: { boardId: string; problem: string }[];
}

function replay(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  if (stored.state) Y.applyUpdate(doc, stored.state);
  for (const r of stored.updates) Y.applyUpdate(doc, r.update);
  return doc;
}

/** What differs between a board in the source and in the target, or null when they are the same board. */
async function compareBoard(from: BoardStorage, to: BoardStorage, id: string): Promise<string | null> {
  const [a, b] = [await from.getBoard(id), await to.getBoard(id)];
  if (!b) return 'missing in Postgres';
  if (JSON.stringify(a) !== JSON.stringify(b)) return 'token hashes, sealed links or creation time differ';
  const [da, db] = [replay(await from.loadDocument(id)), replay(await to.loadDocument(id))];
  try {
    if (!Y.equalSnapshots(Y.snapshot(da), Y.snapshot(db))) return 'document differs (Yjs state vector or deletions)';
    if (JSON.stringify(toBoardJson(da)) !== JSON.stringify(toBoardJson(db))) return 'document differs (board content)';
  } finally {
    da.destroy();
    db.destroy();
  }
  const [sa, sb] = [await from.listSnapshots(id), await to.listSnapshots(id)];
  if (JSON.stringify(sa) !== JSON.stringify(sb)) return `snapshots differ (${sa.length} in SQLite, ${sb.length} in Postgres)`;
  const [ma, mb] = [await from.listMembers(id), await to.listMembers(id)];
  if (JSON.stringify(ma) !== JSON.stringify(mb)) return `members differ (${ma.length} in SQLite, ${mb.length} in Postgres)`;
  const [ia, ib] = [await from.listInvitations(id), await to.listInvitations(id)];
  if (JSON.stringify(ia) !== JSON.stringify(ib)) return `invitations differ (${ia.length} in SQLite, ${ib.length} in Postgres)`;
  return null;
}

export async function migrateStore(from: SqliteStorage, to: PostgresStorage, progress: (line: string) => void = () => undefined): Promise<MigrationReport> {
  const ids = (from.db.prepare('SELECT id FROM boards ORDER BY created_at, id').all() as { id: string }[]).map((r) => r.id);
  const report: MigrationReport = { boards: ids.length, copied: 0, alreadyThere: 0, snapshots: 0, logRows: 0, auditEntries: 0, mismatches: [] };
  for (const id of ids) {
    const record = (await from.getBoard(id))!;
    const stored = await from.loadDocument(id);
    const summaries = await from.listSnapshots(id);
    const snapshots = (await Promise.all(summaries.map((s) => from.getSnapshot(id, s.id)))).filter((s): s is SnapshotRecord => !!s);
    const access = { members: await from.listMembers(id), invitations: await from.listInvitations(id) };
    const copied = await to.importBoard(record, stored, snapshots, access);
    if (copied) report.copied++;
    else report.alreadyThere++;
    report.snapshots += snapshots.length;
    report.logRows += stored.updates.length;
    const problem = await compareBoard(from, to, id);
    if (problem) report.mismatches.push({ boardId: id, problem });
    progress(`${copied ? 'copied' : 'already there'}: ${id}${problem ? ` — MISMATCH: ${problem}` : ''}`);
  }
  // The audit log, oldest first, board by board (a deleted board's log is kept for its retention time).
  const audited = (from.db.prepare('SELECT DISTINCT board_id FROM audit_log ORDER BY board_id').all() as { board_id: string }[]).map((r) => r.board_id);
  for (const id of audited) {
    if ((await to.listAudit(id, { limit: 1 })).length) continue;
    const entries = [];
    for (let before: number | undefined; ; ) {
      const page = await from.listAudit(id, { before, limit: 500 });
      if (!page.length) break;
      entries.push(...page);
      before = page[page.length - 1]!.seq;
    }
    for (const { seq: _seq, ...entry } of entries.reverse()) await to.appendAudit(id, entry);
    report.auditEntries += entries.length;
  }
  return report;
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The command line: exit 0 when every board is in Postgres and equal to its source, 1 otherwise, 2 on bad usage. */
export async function main(args: string[]): Promise<number> {
  const fromDir = argValue(args, '--from');
  const toUrl = argValue(args, '--to') ?? process.env.DATABASE_URL;
  if (!fromDir || !toUrl) {
    console.error('usage: npm run migrate-store -- --from <DATA_DIR> --to <postgres://user@host:5432/db>');
    return 2;
  }
  const file = path.resolve(fromDir, 'malkart.sqlite');
  if (!existsSync(file)) {
    console.error(`no SQLite store at ${file}`);
    return 1;
  }
  // NORMAL: this process only reads; no log writer thread is started.
  const from = new SqliteStorage(file, { synchronous: 'NORMAL' });
  const to = await PostgresStorage.open(toUrl);
  try {
    const r = await migrateStore(from, to, (line) => console.log(line));
    console.log(
      `${r.boards} boards (${r.copied} copied, ${r.alreadyThere} already there), ${r.snapshots} snapshots, ${r.logRows} log rows; ` +
        (r.mismatches.length ? `${r.mismatches.length} DIFFER` : 'every board verified equal to its source'),
    );
    for (const m of r.mismatches) console.error(`board ${m.boardId}: ${m.problem}`);
    return r.mismatches.length ? 1 : 0;
  } finally {
    await from.close();
    await to.close();
  }
}
