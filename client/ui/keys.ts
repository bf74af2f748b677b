// What a key press is about, for the page's own keyboard handlers (board shortcuts, presentation
// mode, a jump's late focus): one answer to "is the person typing there?".

/** Focus (or an event's target) is where text is typed: a text box, a list box choice, editable content. */
export function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** A key that types one character (a letter, a digit, a sign), with Shift or not: what WCAG 2.1.4 is about. */
export function isCharacterKey(e: KeyboardEvent): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}
