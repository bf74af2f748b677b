// Animated moves of the view (fit, jump to a card, follow the facilitator) honour the person's
// `prefers-reduced-motion`: with it set, the view changes at once.
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The duration of a view animation: `ms`, or 0 when the person asked for reduced motion. */
export function motionMs(ms: number): number {
  return prefersReducedMotion() ? 0 : ms;
}
