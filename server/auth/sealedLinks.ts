// Share links a holder may pass on, kept encrypted with a key derived from the holder's own token
// (AES-256-GCM): the owner's seal holds the editor and viewer tokens, the editor's the viewer
// token. The server can give them back to whoever presents that token (the «Del» dialog), yet the
// database alone reveals no token — only hashes and these sealed blobs.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { LINK_KINDS, type LinkKind } from '../../shared';

export type LinkSet = Partial<Record<LinkKind, string>>;

const keyFor = (holderToken: string): Buffer => createHash('sha256').update('malkart-sealed-links\0').update(holderToken).digest();

export function sealLinks(holderToken: string, links: LinkSet): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(holderToken), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(links), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The links sealed for `holderToken`, or an empty set when there is no seal or it is not theirs. */
export function unsealLinks(holderToken: string, sealed: string | null | undefined): LinkSet {
  if (!sealed) return {};
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFor(holderToken), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const parsed = JSON.parse(text) as LinkSet;
    const out: LinkSet = {};
    for (const kind of LINK_KINDS) if (typeof parsed[kind] === 'string') out[kind] = parsed[kind];
    return out;
  } catch {
    return {};
  }
}

/** Seals for the owner (editor, viewer and the side-bound links) and the editor (viewer) from the current plain tokens. */
export function sealAll(
  owner: string, editor: string | undefined, viewer: string | undefined, sides: { stat?: string | undefined; kommune?: string | undefined } = {},
): { owner: string; editor: string | null } {
  const forOwner: LinkSet = {};
  if (editor) forOwner.editor = editor;
  if (viewer) forOwner.viewer = viewer;
  if (sides.stat) forOwner.stat = sides.stat;
  if (sides.kommune) forOwner.kommune = sides.kommune;
  return { owner: sealLinks(owner, forOwner), editor: editor && viewer ? sealLinks(editor, { viewer }) : null };
}
