// A two-way, character-level binding of an <input> or <textarea> to a Y.Text. A local keystroke
// becomes the smallest Y.Text edit (not "write the whole field", which would put back an old
// copy over a colleague's words); a remote edit is applied to the field at once, also while it
// is focused, and the caret and selection are carried through the edit so they stay where the
// person is typing.
import type * as Y from 'yjs';
import { diffText, type TextEdit } from '../../shared';

export { diffText, type TextEdit } from '../../shared';

/** A Y.Text event's delta (retain / insert / delete), as `YTextEvent.delta` gives it. */
export type TextDelta = { retain?: number; insert?: unknown; delete?: number }[];

/**
 * Where a position in the text before `delta` is after it. Text inserted exactly at the position
 * goes after it (the caret stays before a colleague's words typed at the same spot); a deleted
 * range that holds the position moves it to the range's start.
 */
export function transformPosition(pos: number, delta: TextDelta): number {
  let at = 0; // index in the old text
  let shift = 0;
  for (const op of delta) {
    if (at > pos) break;
    if (op.retain !== undefined) at += op.retain;
    else if (op.insert !== undefined) {
      const n = typeof op.insert === 'string' ? op.insert.length : 1;
      if (at < pos) shift += n;
    } else if (op.delete !== undefined) {
      if (at < pos) shift -= Math.min(op.delete, pos - at);
      at += op.delete;
    }
  }
  return Math.max(0, pos + shift);
}

/** Applies an edit to a Y.Text (inside the caller's transaction). */
export function applyEdit(text: Y.Text, edit: TextEdit): void {
  if (edit.remove > 0) text.delete(edit.index, edit.remove);
  if (edit.insert) text.insert(edit.index, edit.insert);
}

/** Carries an edit made against an older text through the edits made since (by others). */
export function transformEdit(edit: TextEdit, deltas: readonly TextDelta[]): TextEdit {
  let from = edit.index;
  let to = edit.index + edit.remove;
  for (const d of deltas) {
    from = transformPosition(from, d);
    to = Math.max(from, transformPosition(to, d));
  }
  return { index: from, remove: to - from, insert: edit.insert };
}

/** The parts of a text field the binding uses (an HTMLInputElement or HTMLTextAreaElement). */
export interface BindableField {
  value: string;
  readonly selectionStart: number | null;
  readonly selectionEnd: number | null;
  readonly selectionDirection: string | null;
  setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none'): void;
  addEventListener(type: string, fn: () => void): void;
  removeEventListener(type: string, fn: () => void): void;
  readonly ownerDocument: { activeElement: unknown };
}

export interface BindingOptions {
  /** The transaction origin of this person's edits (their undo manager tracks it). */
  origin: unknown;
  /** Called after the field took an edit made elsewhere (another person, an undo, a restore). */
  onRemote?(): void;
  /** Called after the person's own keystroke was written. */
  onLocal?(): void;
}

/**
 * Binds `el` to `text` until the returned function is called. The field must not be a React
 * controlled input: its value is the Y.Text's and is set here only.
 */
export function bindTextField(el: BindableField, text: Y.Text, opts: BindingOptions): () => void {
  const doc = text.doc;
  /** The text the field's value was last made from; local input is diffed against it. */
  let base = text.toString();
  /** Remote edits that arrived while an IME composition held the field; a local edit is carried through them. */
  let pending: TextDelta[] = [];
  el.value = base;
  let writing = false;
  let composing = false;
  const focused = () => el.ownerDocument.activeElement === el;

  /** Shows the Y.Text's content, with the caret carried through `deltas`. */
  const show = (deltas: readonly TextDelta[], caret: { start: number; end: number } | null) => {
    const next = text.toString();
    base = next;
    pending = [];
    if (el.value === next) return;
    const start = caret?.start ?? el.selectionStart ?? 0;
    const end = caret?.end ?? el.selectionEnd ?? 0;
    const dir = (el.selectionDirection ?? 'none') as 'forward' | 'backward' | 'none';
    const had = focused();
    el.value = next;
    if (had) {
      let s = start;
      let e = end;
      for (const d of deltas) {
        s = transformPosition(s, d);
        e = transformPosition(e, d);
      }
      el.setSelectionRange(Math.min(s, next.length), Math.min(Math.max(s, e), next.length), dir);
    }
  };

  const pushLocal = () => {
    const local = diffText(base, el.value, el.selectionEnd ?? el.value.length);
    const caret = el.selectionEnd ?? el.value.length;
    const deltas = pending;
    if (local) {
      const edit = transformEdit(local, deltas);
      writing = true;
      try {
        if (doc) doc.transact(() => applyEdit(text, edit), opts.origin);
        else applyEdit(text, edit);
      } finally {
        writing = false;
      }
      opts.onLocal?.();
    }
    if (deltas.length) {
      // The field missed remote edits during a composition: show them, keeping the caret after the typed text.
      show(deltas, { start: caret, end: caret });
      opts.onRemote?.();
    } else {
      base = text.toString();
      if (el.value !== base) show([], null);
    }
  };

  const onInput = () => {
    // An IME composition is written once it ends, so the field is never changed under it.
    if (!composing) pushLocal();
  };
  const onCompositionStart = () => (composing = true);
  const onCompositionEnd = () => {
    composing = false;
    pushLocal();
  };

  const observer = (event: Y.YTextEvent) => {
    if (writing) return;
    const delta = event.delta as TextDelta;
    if (composing) {
      pending.push(delta);
      return;
    }
    show([delta], null);
    opts.onRemote?.();
  };

  el.addEventListener('input', onInput);
  el.addEventListener('compositionstart', onCompositionStart);
  el.addEventListener('compositionend', onCompositionEnd);
  text.observe(observer);
  return () => {
    el.removeEventListener('input', onInput);
    el.removeEventListener('compositionstart', onCompositionStart);
    el.removeEventListener('compositionend', onCompositionEnd);
    text.unobserve(observer);
  };
}
