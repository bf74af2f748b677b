// The text binding's logic: a keystroke becomes the smallest Y.Text edit, a remote edit moves the
// caret with the text, and two people typing into one field both keep their characters.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTextField, diffText, transformEdit, transformPosition, type BindableField } from './yTextBinding';

/** The parts of a browser text field the binding touches, as a browser behaves for them. */
class Field implements BindableField {
  value = '';
  selectionStart: number | null = 0;
  selectionEnd: number | null = 0;
  selectionDirection: string | null = 'none';
  private listeners = new Map<string, Set<() => void>>();
  readonly ownerDocument = { activeElement: null as unknown };
  focus() {
    this.ownerDocument.activeElement = this;
  }
  setSelectionRange(start: number, end: number) {
    this.selectionStart = start;
    this.selectionEnd = end;
  }
  addEventListener(type: string, fn: () => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(fn);
  }
  removeEventListener(type: string, fn: () => void) {
    this.listeners.get(type)?.delete(fn);
  }
  fire(type: string) {
    for (const fn of this.listeners.get(type) ?? []) fn();
  }
  /** Types `s` at the caret, replacing the selection, as the browser does, then fires input. */
  type(s: string) {
    const a = this.selectionStart ?? 0;
    const b = this.selectionEnd ?? a;
    this.value = this.value.slice(0, a) + s + this.value.slice(b);
    this.selectionStart = this.selectionEnd = a + s.length;
    this.fire('input');
  }
  backspace() {
    const a = this.selectionStart ?? 0;
    const b = this.selectionEnd ?? a;
    const from = a === b ? Math.max(0, a - 1) : a;
    this.value = this.value.slice(0, from) + this.value.slice(b);
    this.selectionStart = this.selectionEnd = from;
    this.fire('input');
  }
  caret(at: number) {
    this.selectionStart = this.selectionEnd = at;
  }
}

function pair(initial: string) {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.getText('t').insert(0, initial);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  // Live wire between the two replicas.
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(b, u, 'wire'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(a, u, 'wire'));
  return { a, b, ta: a.getText('t'), tb: b.getText('t') };
}

describe('diffText', () => {
  it('finds the inserted, deleted and replaced part', () => {
    expect(diffText('Flere i arbeid', 'Flere unge i arbeid', 11)).toEqual({ index: 6, remove: 0, insert: 'unge ' });
    expect(diffText('Flere unge i arbeid', 'Flere i arbeid', 6)).toEqual({ index: 6, remove: 5, insert: '' });
    expect(diffText('Mål 2030', 'Mål 2040', 7)).toEqual({ index: 6, remove: 1, insert: '4' });
    expect(diffText('same', 'same')).toBeNull();
  });

  it('uses the caret where the text alone is ambiguous', () => {
    // "a" typed at the start of "aa": the caret (1) says the insert is at 0, not at the end.
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
    // Backspace on the first of three "l"s (caret at 2 afterwards)
    expect(diffText('alllb', 'allb', 1)).toEqual({ index: 1, remove: 1, insert: '' });
  });

  it('never splits an emoji', () => {
    const e = diffText('a😀b', 'a😃b', 3)!;
    expect('a😀b'.slice(0, e.index) + e.insert + 'a😀b'.slice(e.index + e.remove)).toBe('a😃b');
    expect(e.insert).toBe('😃');
  });
});

describe('transformPosition', () => {
  it('moves a caret after text inserted or deleted before it, and keeps it before text inserted at it', () => {
    expect(transformPosition(5, [{ insert: 'abc' }])).toBe(8);
    expect(transformPosition(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
    expect(transformPosition(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
    expect(transformPosition(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 3 }, { delete: 5 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 1 }, { delete: 1 }, { retain: 1 }, { insert: 'xy' }])).toBe(6);
  });

  it('carries an edit made against an older text through the edits since', () => {
    expect(transformEdit({ index: 4, remove: 2, insert: 'Z' }, [[{ insert: '12' }]])).toEqual({ index: 6, remove: 2, insert: 'Z' });
  });
});

describe('bindTextField', () => {
  it('writes a keystroke as one small edit with the given origin', () => {
    const { ta } = pair('Flere i arbeid');
    const f = new Field();
    const origins: unknown[] = [];
    ta.doc!.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    bindTextField(f, ta, { origin: 'me' });
    expect(f.value).toBe('Flere i arbeid');
    f.focus();
    f.caret(6);
    f.type('u');
    expect(ta.toString()).toBe('Flere ui arbeid');
    expect(origins).toEqual(['me']);
  });

  it('shows a remote edit at once while focused, the caret staying where the person types', () => {
    const { ta, tb } = pair('Flere i arbeid');
    const f = new Field();
    bindTextField(f, ta, { origin: 'me' });
    f.focus();
    f.caret(14); // at the end
    tb.insert(0, 'Mål: '); // someone else, before the caret
    expect(f.value).toBe('Mål: Flere i arbeid');
    expect(f.selectionEnd).toBe(19);
    f.type(' og utdanning');
    expect(ta.toString()).toBe('Mål: Flere i arbeid og utdanning');
    expect(tb.toString()).toBe('Mål: Flere i arbeid og utdanning');
  });

  it('two people typing in one field at once both keep every character', () => {
    const { ta, tb } = pair('Flere i arbeid');
    const fa = new Field();
    const fb = new Field();
    bindTextField(fa, ta, { origin: 'a' });
    bindTextField(fb, tb, { origin: 'b' });
    fa.focus(); // each in their own browser, so both fields are focused
    fb.focus();
    fa.caret(6);
    fb.caret(14);
    // Interleaved keystrokes, as two people type.
    for (const [ca, cb] of [['u', ' '], ['n', 'o'], ['g', 'g'], ['e', '!']] as const) {
      fa.type(ca);
      fb.type(cb);
    }
    fa.type(' ');
    expect(ta.toString()).toBe('Flere unge i arbeid og!');
    expect(fa.value).toBe(ta.toString());
    expect(fb.value).toBe(tb.toString());
    expect(tb.toString()).toBe(ta.toString());
    // A's caret is still right after A's own word.
    expect(fa.selectionEnd).toBe(11);
  });

  it('a stale field never writes its old copy back (the bug this binding fixes)', () => {
    const { ta, tb } = pair('Mål');
    const f = new Field();
    bindTextField(f, ta, { origin: 'me' });
    f.focus();
    f.caret(3);
    tb.delete(0, 3);
    tb.insert(0, 'Nytt mål');
    f.caret(8);
    f.type('!');
    expect(ta.toString()).toBe('Nytt mål!');
  });

  it('an undo or restore elsewhere shows in the field; after unbinding nothing is written', () => {
    const { ta } = pair('abc');
    const f = new Field();
    const stop = bindTextField(f, ta, { origin: 'me' });
    ta.doc!.transact(() => ta.insert(3, 'd'), 'restore');
    expect(f.value).toBe('abcd');
    stop();
    f.type('x');
    expect(ta.toString()).toBe('abcd');
  });

  it('holds remote edits during an IME composition and merges both when it ends', () => {
    const { ta, tb } = pair('ab');
    const f = new Field();
    bindTextField(f, ta, { origin: 'me' });
    f.focus();
    f.caret(2);
    f.fire('compositionstart');
    f.type('か'); // input fires during the composition: nothing written yet
    expect(ta.toString()).toBe('ab');
    tb.insert(0, 'X');
    expect(f.value).toBe('abか');
    f.fire('compositionend');
    expect(ta.toString()).toBe('Xabか');
    expect(f.value).toBe('Xabか');
  });
});
