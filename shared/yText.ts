import type * as Y from 'yjs';

export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The edit that turns `prev` into `next`. `caret` (the selection end after the input) tells where
 * the change happened when the text alone cannot: typing "a" into "aa" at the start is an insert
 * at 0, not at 2.
 */
export function diffText(prev: string, next: string, caret = next.length): TextEdit | null {
  if (prev === next) return null;
  const grown = Math.max(0, next.length - prev.length);
  let start = 0;
  const maxStart = Math.min(prev.length, next.length, Math.max(0, caret - grown));
  while (start < maxStart && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)) {
    endPrev--;
    endNext--;
  }
  // Never split a surrogate pair (an emoji) between the kept and the changed part.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev))) {
    endPrev++;
    endNext++;
  }
  return { index: start, remove: endPrev - start, insert: next.slice(start, endNext) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Replaces a Y.Text's content with `next` by deleting and inserting only the part between the
 * common prefix and suffix, so that two people typing in different places both keep their words.
 */
export function setText(text: Y.Text, next: string): void {
  const edit = diffText(text.toString(), next);
  if (!edit) return;
  if (edit.remove) text.delete(edit.index, edit.remove);
  if (edit.insert) text.insert(edit.index, edit.insert);
}
