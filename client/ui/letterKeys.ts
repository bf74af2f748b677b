// Whether the board's one-character shortcuts (N, L, F, G, R, /, ?, Shift+P) are on. WCAG 2.1.4
// asks that they can be turned off: a speech-input user saying a word, or a slip of the hand,
// would otherwise make cards and links. Off, the same actions stay on their buttons, and the
// shortcuts with Ctrl, F1, Delete, Escape and the arrows keep working. Kept in this browser.
import { useSyncExternalStore } from 'react';

const KEY = 'malkart.letterKeys';
const EVENT = 'malkart-letterkeys';

export function letterKeysOn(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setLetterKeys(on: boolean): void {
  try {
    if (on) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, 'off');
  } catch {
    /* storage disabled: the choice lasts until the page is left */
  }
  window.dispatchEvent(new Event(EVENT));
}

/** A key that types one character (a letter, a digit, a sign), with Shift or not: what WCAG 2.1.4 is about. */
export function isCharacterKey(e: KeyboardEvent): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange); // another tab changed it
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function useLetterKeys(): boolean {
  return useSyncExternalStore(subscribe, letterKeysOn);
}
