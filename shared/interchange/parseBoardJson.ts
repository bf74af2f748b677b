// Reads an interchange file into a checked BoardJson, or lists what is wrong with it, each
// error with the path of the offending value (`nodes[3].kind`).
import type { z } from 'zod';
import { LIMITS } from '../fieldSchemas';
import { boardJsonSchema, type BoardJson } from './schema';
import { checkWorkshopJson } from './workshopJson';
import { withoutXmlIllegal } from '../xmlText';

export interface ImportError {
  path: string;
  message: string;
}
export type ParseResult = { ok: true; board: BoardJson } | { ok: false; errors: ImportError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

function utf8Length(text: string): number {
  // Cheap bounds first: every UTF-16 unit is 1–3 UTF-8 bytes.
  if (text.length * 3 <= LIMITS.maxFileBytes) return text.length;
  return new TextEncoder().encode(text).length;
}

/** Parses the text of a file (as uploaded), enforcing the size bound before JSON.parse. */
export function parseBoardJsonText(text: string): ParseResult {
  const bytes = utf8Length(text);
  if (bytes > LIMITS.maxFileBytes) {
    return {
      ok: false,
      errors: [{ path: '(root)', message: `file is ${bytes} bytes; the largest accepted is ${LIMITS.maxFileBytes} bytes` }],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return parseBoardJson(value);
}

function zodErrors(error: z.ZodError): ImportError[] {
  return error.issues.slice(0, 100).map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return { path: formatPath(issue.path), message };
  });
}

/** Checks an already-parsed value: the schema first, then what a schema cannot say (ids and references). */
export function parseBoardJson(value: unknown): ParseResult {
  const parsed = boardJsonSchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  // Characters XML forbids are dropped on the way in (one would make the DOCX unreadable). Here
  // rather than as a zod transform on every string field, which makes parsing three times slower.
  const board = withoutXmlIllegal(parsed.data as BoardJson);
  const errors: ImportError[] = [];

  const nodeIndex = new Map<string, number>();
  board.nodes.forEach((n, i) => {
    const first = nodeIndex.get(n.id);
    if (first !== undefined) errors.push({ path: `nodes[${i}].id`, message: `duplicate id "${n.id}" (first used at nodes[${first}])` });
    else nodeIndex.set(n.id, i);
  });
  const edgeIndex = new Map<string, number>();
  board.edges.forEach((e, i) => {
    const first = edgeIndex.get(e.id);
    if (first !== undefined) errors.push({ path: `edges[${i}].id`, message: `duplicate id "${e.id}" (first used at edges[${first}])` });
    else edgeIndex.set(e.id, i);
    for (const end of ['source', 'target'] as const) {
      if (!nodeIndex.has(e[end])) errors.push({ path: `edges[${i}].${end}`, message: `no node with id "${e[end]}"` });
    }
  });
  errors.push(...checkWorkshopJson(board));
  return errors.length ? { ok: false, errors: errors.slice(0, 100) } : { ok: true, board };
}
