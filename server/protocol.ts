// The wire format, alone: the y-websocket protocol (sync and awareness messages of y-protocols)
// as the server reads and writes it. No state, no I/O. Close codes: shared/wire.ts.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = syncProtocol.messageYjsSyncStep1;
export const SYNC_STEP2 = syncProtocol.messageYjsSyncStep2;
export const SYNC_UPDATE = syncProtocol.messageYjsUpdate;

// The close codes live with the rest of the client/server contract.
export { CLOSE, type CloseEvent } from '../shared';

/** One decoded frame from a client. Decoding reads the whole frame, so a truncated one fails here. */
export type IncomingMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2' | 'syncUpdate'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

export class MalformedMessageError extends Error {}
export class UnsupportedMessageError extends Error {}

export function decodeIncoming(frame: Uint8Array): IncomingMessage {
  let msg: IncomingMessage;
  let decoder: decoding.Decoder;
  try {
    decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SYNC_STEP1) {
        // Read it now, so a broken state vector is the client's malformed frame, not a server error later.
        Y.decodeStateVector(payload);
        msg = { type: 'syncStep1', stateVector: payload };
      } else if (syncType === SYNC_STEP2) msg = { type: 'syncStep2', update: payload };
      else if (syncType === SYNC_UPDATE) msg = { type: 'syncUpdate', update: payload };
      else throw new UnsupportedMessageError(`unknown sync message type ${syncType}`);
    } else if (type === MESSAGE_AWARENESS) {
      msg = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      msg = { type: 'queryAwareness' };
    } else {
      throw new UnsupportedMessageError(`unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof UnsupportedMessageError) throw err;
    throw new MalformedMessageError((err as Error).message || 'truncated message');
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after message');
  return msg;
}

/**
 * Checks that a Yjs update parses completely before it is stored: garbage must never reach the
 * update log, where it would break every later load of the board.
 */
export function assertValidUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update);
  } catch (err) {
    throw new MalformedMessageError(`invalid Yjs update: ${(err as Error).message}`);
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

/** Sync step 2 carrying `update` as it is (the board's stored state), without encoding the document again. */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_STEP2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** The state vector of a client that has nothing yet (an empty Y.Doc's, as every new client sends it). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}

/**
 * An update that carries nothing: no structs, no deletions. A client with nothing the server lacks
 * answers the server's sync step 1 with one; storing it would cost a log row and an fsync, checking it
 * would build the update guard's copy of the board, for no change.
 */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** One entry of an awareness update: who, which version of their state, and the state (null = gone). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** One entry of an awareness update as it came, its state still the client's JSON bytes (not parsed). */
export interface RawAwarenessEntry {
  clientId: number;
  clock: number;
  json: Uint8Array;
}

/**
 * Reads the structure of an awareness update without parsing any state: the server parses only
 * the entries it will keep (the sender's own), so echoes of everyone else cost next to nothing.
 */
export function readAwarenessEntries(update: Uint8Array): RawAwarenessEntry[] {
  try {
    const d = decoding.createDecoder(update);
    const n = decoding.readVarUint(d);
    const out: RawAwarenessEntry[] = [];
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      out.push({ clientId, clock, json: decoding.readVarUint8Array(d) });
    }
    if (decoding.hasContent(d)) throw new Error('trailing bytes');
    return out;
  } catch (err) {
    throw new MalformedMessageError(`invalid awareness update: ${(err as Error).message}`);
  }
}

const utf8 = new TextDecoder('utf-8');

/** Parses one entry's state: an object, or null (the client left). */
export function parseAwarenessState(json: Uint8Array): AwarenessEntry['state'] {
  try {
    const state = JSON.parse(utf8.decode(json)) as unknown;
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('awareness state is not an object');
    return state as AwarenessEntry['state'];
  } catch (err) {
    throw new MalformedMessageError(`invalid awareness update: ${(err as Error).message}`);
  }
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  return readAwarenessEntries(update).map(({ clientId, clock, json }) => ({ clientId, clock, state: parseAwarenessState(json) }));
}

/** An awareness frame from states already in JSON: each state is stringified once, however often it is sent. */
export function encodeAwarenessFrame(entries: readonly { clientId: number; clock: number; json: string }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, json);
  }
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}
