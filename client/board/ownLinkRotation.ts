// While the owner makes a new owner link, the server closes this browser's connection too (it
// still uses the old link, 4403). That close is expected: the page moves to the new link instead
// of forgetting the board.
const rotating = new Set<string>();

export function beginOwnLinkRotation(boardId: string): () => void {
  rotating.add(boardId);
  return () => rotating.delete(boardId);
}

export const isRotatingOwnLink = (boardId: string): boolean => rotating.has(boardId);
