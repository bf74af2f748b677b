// What one person's presence (their Yjs awareness state) may hold, as zod schemas: the server checks
// every state a client sends with them, and every client reads every peer's state through them
// again — a peer's fields are untrusted input on both sides. Parsing is field by field: a bad field
// is dropped, the rest of the state stays. Pure: no I/O.
import { z } from 'zod';
import { idSchema } from './fieldSchemas';
import { SIDES } from './workshop/sides';
import { WORKSHOP_LIMITS } from './workshop/schema';

export const PRESENCE_LIMITS = {
  /** Cards one person's selection ring may cover (a larger selection shares its first ones). */
  maxSelection: 1_000,
  /** Cards one live drag may move on others' screens (the rest jump at drop). */
  maxDrag: 500,
  /** Largest coordinate, in flow units: far beyond any real board, small enough to stay finite in every sum. */
  maxCoordinate: 10_000_000,
  minZoom: 0.01,
  maxZoom: 100,
  /** Largest canvas size a shared viewport may claim, in CSS pixels. */
  maxCanvasPixels: 100_000,
  /** Largest awareness state, in bytes of JSON: the biggest honest one (a full selection) is about 70 KiB. */
  maxStateBytes: 96 * 1024,
} as const;

export const PRESENCE_ROLES = ['owner', 'editor', 'viewer'] as const;
export type PresenceRole = (typeof PRESENCE_ROLES)[number];

const coordinate = z.number().min(-PRESENCE_LIMITS.maxCoordinate).max(PRESENCE_LIMITS.maxCoordinate);
const point = z.object({ x: coordinate, y: coordinate });

export const presenceUserSchema = z.object({
  name: z.string().max(WORKSHOP_LIMITS.maxNameLength),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  side: z.enum(SIDES).nullable().optional(),
  participantId: idSchema.optional(),
  /** Stamped by the server for a signed-in member (issue #17), with the name and side from sign-in and membership; never the client's. */
  verified: z.boolean().optional(),
});

export const presenceViewportSchema = z.object({
  x: coordinate,
  y: coordinate,
  zoom: z.number().min(PRESENCE_LIMITS.minZoom).max(PRESENCE_LIMITS.maxZoom),
  width: z.number().min(0).max(PRESENCE_LIMITS.maxCanvasPixels).optional(),
  height: z.number().min(0).max(PRESENCE_LIMITS.maxCanvasPixels).optional(),
});

const dragSchema = z
  .record(idSchema, point)
  .refine((d) => Object.keys(d).length <= PRESENCE_LIMITS.maxDrag, `at most ${PRESENCE_LIMITS.maxDrag} cards`);

/** Each field of a presence state, checked on its own. */
export const PRESENCE_FIELDS = {
  user: presenceUserSchema,
  /** Stamped by the server from the connection's token; never what the client wrote. */
  role: z.enum(PRESENCE_ROLES),
  cursor: point.nullable(),
  viewport: presenceViewportSchema.nullable(),
  sel: z.array(idSchema).max(PRESENCE_LIMITS.maxSelection),
  drag: dragSchema.nullable(),
} as const;

export type PresenceUser = z.infer<typeof presenceUserSchema>;
export type PresenceViewport = z.infer<typeof presenceViewportSchema>;
export type PresenceState = { -readonly [K in keyof typeof PRESENCE_FIELDS]?: z.infer<(typeof PRESENCE_FIELDS)[K]> };
export type PresenceField = keyof typeof PRESENCE_FIELDS;

/**
 * The valid fields of `raw`: a field that fails its schema, and every field this model does not
 * know, is left out; `rejected` names the ones that were there but failed. Never throws.
 */
export function parsePresence(raw: unknown): { state: PresenceState; rejected: PresenceField[] } {
  const state: PresenceState = {};
  const rejected: PresenceField[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { state, rejected };
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(PRESENCE_FIELDS) as PresenceField[]) {
    if (!Object.prototype.hasOwnProperty.call(input, key) || input[key] === undefined) continue;
    if (key === 'user') {
      // A bad colour or side must not take the name with it: the user's own fields one by one too.
      const user = parseUser(input.user);
      if (user) state.user = user;
      else rejected.push(key);
      continue;
    }
    const r = PRESENCE_FIELDS[key].safeParse(input[key]);
    if (r.success) (state as Record<string, unknown>)[key] = r.data;
    else rejected.push(key);
  }
  return { state, rejected };
}

function parseUser(raw: unknown): PresenceUser | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const input = raw as Record<string, unknown>;
  const name = presenceUserSchema.shape.name.safeParse(input.name);
  if (!name.success) return null;
  const user: PresenceUser = { name: name.data };
  for (const key of ['color', 'side', 'participantId', 'verified'] as const) {
    if (input[key] === undefined) continue;
    const r = presenceUserSchema.shape[key].safeParse(input[key]);
    if (r.success && r.data !== undefined) (user as Record<string, unknown>)[key] = r.data;
  }
  return user;
}

/**
 * Fields only some may share. A viewer cannot move cards, so their `drag` would move cards on
 * others' screens that never move; `viewport` moves every follower, so only the facilitator (and
 * never a viewer) shares it.
 */
export function restrictPresence(state: PresenceState, who: { role: PresenceRole; facilitatorId: string | undefined }): PresenceState {
  const out = { ...state };
  if (who.role === 'viewer') delete out.drag;
  const leads = who.role !== 'viewer' && !!who.facilitatorId && out.user?.participantId === who.facilitatorId;
  if (!leads && out.viewport) delete out.viewport;
  return out;
}
