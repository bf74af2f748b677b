// Where keyboard focus goes from the inspector: Escape in one of its fields goes back to the card
// (or link) it describes, so a keyboard user continues on the canvas where they were.
import type { KeyboardEvent } from 'react';

const FIELD = 'input, textarea, select';

/** The card's element on the canvas, or the canvas itself when the card is not rendered (scrolled off). */
export function focusCardElement(id: string, kind: 'node' | 'edge' = 'node'): void {
  const el = document.querySelector<HTMLElement>(`.react-flow__${kind}[data-id="${CSS.escape(id)}"]`);
  if (el) el.focus();
  else focusCanvas();
}

/** The canvas (focusable, so board shortcuts work from it): where focus goes when its target is gone. */
export function focusCanvas(): void {
  document.querySelector<HTMLElement>('[data-testid="canvas"]')?.focus({ preventScroll: true });
}

export function returnFocusToCard(e: KeyboardEvent, id: string, kind: 'node' | 'edge' = 'node'): void {
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  const target = e.target as HTMLElement;
  if (!target.matches(FIELD)) return;
  e.preventDefault();
  e.stopPropagation();
  focusCardElement(id, kind);
}
