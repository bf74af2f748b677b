// The board's copy in this browser's IndexedDB (y-indexeddb), and removing it when the board was
// deleted or this browser's links to it no longer work (issue 12 §10).
export const localDbName = (boardId: string): string => `malkart-${boardId}`;

/** Deletes the local copy. Resolves once gone (or when the browser refuses: nothing more to do). */
export function clearLocalCopy(boardId: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      const req = indexedDB.deleteDatabase(localDbName(boardId));
      req.onsuccess = () => resolve();
      req.onerror = () => resolve();
      // Blocked: a connection is still open (another tab); the deletion completes when it closes.
      req.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}
