// Who a ballot belongs to without sign-in (#16 §3): the server hands out participant ids with a
// pass (an HMAC under the server's key), bound to the board and the link they were issued on. A
// ballot is kept under that id, so a client cannot invent voters by choosing ids; rotating the link
// makes its passes worthless. The key lives in DATA_DIR (or PARTICIPANT_SECRET), so passes survive
// a restart. Honest limit: a link holder can still ask for several passes, as one person can open
// several browsers; only sign-in binds a ballot to one person.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ParticipantPass {
  participantId: string;
  pass: string;
}

/** The server's key for passes: PARTICIPANT_SECRET if set, else a random key kept in `dataDir` (made on first start). */
export function loadPassKey(dataDir: string, fromEnv = process.env.PARTICIPANT_SECRET): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = path.join(dataDir, 'participant-secret');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64url'), { mode: 0o600 });
  return key;
}

export class ParticipantPasses {
  constructor(private readonly key: Buffer) {}

  private sign(boardId: string, tokenHash: string, participantId: string): string {
    return createHmac('sha256', this.key).update(`${boardId}\0${tokenHash}\0${participantId}`).digest('base64url');
  }

  issue(boardId: string, tokenHash: string): ParticipantPass {
    const participantId = `p-${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;
    return { participantId, pass: `${participantId}.${this.sign(boardId, tokenHash, participantId)}` };
  }

  /** The participant id a pass stands for on this board and link, or null. */
  check(boardId: string, tokenHash: string, pass: unknown): string | null {
    if (typeof pass !== 'string' || pass.length > 200) return null;
    const dot = pass.indexOf('.');
    if (dot <= 0) return null;
    const participantId = pass.slice(0, dot);
    const given = Buffer.from(pass.slice(dot + 1));
    const want = Buffer.from(this.sign(boardId, tokenHash, participantId));
    return given.length === want.length && timingSafeEqual(given, want) ? participantId : null;
  }
}
