import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** Whether undo and redo are possible right now, following the manager's stacks. */
export function useUndoState(um: Y.UndoManager | null): { canUndo: boolean; canRedo: boolean } {
  const [state, setState] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    if (!um) return;
    const update = () => setState({ canUndo: um.undoStack.length > 0, canRedo: um.redoStack.length > 0 });
    um.on('stack-item-added', update);
    um.on('stack-item-popped', update);
    um.on('stack-cleared', update);
    update();
    return () => {
      um.off('stack-item-added', update);
      um.off('stack-item-popped', update);
      um.off('stack-cleared', update);
    };
  }, [um]);
  return state;
}
