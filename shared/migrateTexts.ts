// Boards made before card titles were a Y.Text hold each title as a plain string in the node's
// Y.Map. Readers accept both (`plainValue`); this turns the strings into Y.Texts so that two
// people typing in one title merge character by character. The server runs it once, as one
// stored change, when it loads such a board (before any client syncs), so clients never race
// each other to convert the same title. The same holds for a card's SDG codes, a plain array on
// older boards and a Y.Array now (boardDoc LIST_FIELDS), so two people's codes both stay.
import * as Y from 'yjs';
import { LIST_FIELDS, TEXT_FIELDS, boardMaps, nodeText, plainValue } from './boardDoc';

/** Whether any card still holds a text field (the title, on older boards) as a plain string, or a code list as a plain array. */
export function hasPlainTexts(doc: Y.Doc): boolean {
  for (const ynode of boardMaps(doc).nodes.values()) {
    for (const f of TEXT_FIELDS) if (typeof ynode.get(f) === 'string') return true;
    for (const f of LIST_FIELDS) if (Array.isArray(ynode.get(f))) return true;
  }
  return false;
}

/** Converts every plain-string text field to a Y.Text and every plain code list to a Y.Array, with the same content, in one transaction; returns how many. */
export function migrateTexts(doc: Y.Doc, origin: unknown): number {
  let n = 0;
  doc.transact(() => {
    for (const ynode of boardMaps(doc).nodes.values()) {
      for (const f of TEXT_FIELDS) {
        if (typeof ynode.get(f) !== 'string') continue;
        nodeText(ynode, f);
        n++;
      }
      for (const f of LIST_FIELDS) {
        const v = ynode.get(f);
        if (!Array.isArray(v)) continue;
        ynode.set(f, Y.Array.from(plainValue(v) as string[]));
        n++;
      }
    }
  }, origin);
  return n;
}
