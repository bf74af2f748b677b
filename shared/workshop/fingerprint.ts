// A stable hash of a card's content, so an agreement can say which version of the card it was
// given to. Every replica computes the same string for the same content: fields in NODE_FIELDS
// order, object keys sorted, position and layout left out (a move is not an edit).
import { NODE_FIELDS, type NodeFields } from '../types';

/** JSON with object keys sorted: the same text for the same value, whatever order its keys were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53: a fast 53-bit string hash; two seeds give 106 bits, plenty to tell versions of one card apart. */
function cyrb53(str: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/**
 * The fingerprint of a card's content. Takes any object holding the content fields (a BoardNode
 * is fine: id and position are ignored); a missing title or description counts as ''.
 */
export function contentFingerprint(fields: Partial<NodeFields> | object): string {
  const src = fields as Record<string, unknown>;
  const parts: string[] = [];
  for (const f of NODE_FIELDS) {
    let v = src[f];
    if ((f === 'title' || f === 'description') && typeof v !== 'string') v = '';
    if (v === undefined || v === null) continue;
    parts.push(`${f}=${canonicalJson(v)}`);
  }
  const text = parts.join('\n');
  return `${cyrb53(text, 1)}${cyrb53(text, 2)}`;
}

/** A fingerprint of any plain value (its canonical JSON): ties a server's stamp to the record it vouches for. */
export function valueFingerprint(value: unknown): string {
  const text = canonicalJson(value);
  return `${cyrb53(text, 1)}${cyrb53(text, 2)}`;
}
