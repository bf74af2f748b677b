// The server's clock as this browser sees it, so the shared timer counts down alike on every
// screen even when a laptop's clock is off. Read once from the Date header of /healthz, which has
// whole seconds only: an offset under SKEW_MS is noise and ignored, so in-sync clocks stay exact.
const SKEW_MS = 1500;
let offsetMs = 0;

export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** The offset to add to this clock, from a request sent at `sentAt` and answered at `receivedAt`. */
export function clockOffset(sentAt: number, receivedAt: number, dateHeader: string | null): number {
  const server = dateHeader ? Date.parse(dateHeader) : NaN;
  if (Number.isNaN(server)) return 0;
  // The header is cut to the second: the server's moment lies, on average, half a second later.
  const offset = server + 500 - (sentAt + receivedAt) / 2;
  return Math.abs(offset) < SKEW_MS ? 0 : Math.round(offset);
}

export async function syncServerClock(): Promise<void> {
  try {
    const sentAt = Date.now();
    const res = await fetch('/healthz', { cache: 'no-store' });
    offsetMs = clockOffset(sentAt, Date.now(), res.headers.get('date'));
  } catch {
    // Offline: keep what we had; the timer then trusts this machine's clock.
  }
}
