// Per-user undo: a Y.UndoManager that tracks only this tab's own origin, so Ctrl+Z never takes
// back a colleague's work. Created after the first sync so loading is not an undoable step.
import * as Y from 'yjs';
import { valuesMap, type BoardMaps } from '../../shared';

export function createUndoManager(maps: BoardMaps, localOrigin: object): Y.UndoManager {
  // The measured values of indicators (#14 §4) live in a root of their own; an added value is undone like any edit.
  return new Y.UndoManager([maps.nodes, maps.layout, maps.edges, maps.meta, valuesMap(maps.nodes.doc!)], {
    trackedOrigins: new Set([localOrigin]),
    captureTimeout: 400,
  });
}
