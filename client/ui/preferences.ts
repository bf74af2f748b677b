// Choices a person makes for this browser (kept in localStorage, followed by every tab):
// - the one-character shortcuts (N, L, F, G, R, /, ?, Shift+P) on or off. WCAG 2.1.4 asks that
//   they can be turned off: a speech-input user's words, or a slip of the hand, would otherwise
//   make cards and links. Off, the same actions stay on their buttons, and the shortcuts with
//   Ctrl, F1, Delete, Escape and the arrows keep working;
// - other people's cursors shown or hidden. They move by themselves while others work (WCAG
//   2.2.2 asks that such movement can be hidden); who is here stays in the avatars.
import { useSyncExternalStore } from 'react';

const EVENT = 'malkart-preferences';

/** A preference that is on unless the person turned it off. */
function onByDefault(key: string) {
  const get = (): boolean => {
    try {
      return localStorage.getItem(key) !== 'off';
    } catch {
      return true;
    }
  };
  const set = (on: boolean): void => {
    try {
      if (on) localStorage.removeItem(key);
      else localStorage.setItem(key, 'off');
    } catch {
      /* storage disabled: the choice lasts until the page is left */
    }
    window.dispatchEvent(new Event(EVENT));
  };
  const use = (): boolean => useSyncExternalStore(subscribe, get);
  return { get, set, use };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange); // another tab changed it
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

const letterKeys = onByDefault('malkart.letterKeys');
export const letterKeysOn = letterKeys.get;
export const setLetterKeys = letterKeys.set;
export const useLetterKeys = letterKeys.use;

const peerCursors = onByDefault('malkart.peerCursors');
export const setPeerCursors = peerCursors.set;
export const usePeerCursors = peerCursors.use;
