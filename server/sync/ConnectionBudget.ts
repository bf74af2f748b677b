// Per-connection budgets: a token bucket of messages and one of bytes. Within budget a frame is
// handled at once. Past it the socket is paused until the buckets refill (TCP pushes back on the
// sender, nobody else waits), awareness frames that still arrive meanwhile are dropped (presence is
// lossy: the next one replaces them), and a connection that keeps going deep into debt is closed
// (4529; it reconnects and resyncs). Before these, 20,000 cursor updates into a room of 50 held the
// server for 19 s.
import type { ServerConfig } from '../config';
import { MESSAGE_AWARENESS } from '../protocol';

export interface BudgetLimits {
  /** Messages per second, sustained, and how many may come at once. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Bytes per second, sustained, and how many may come at once (at least one largest message). */
  bytesPerSecond: number;
  byteBurst: number;
}

export type Admission = 'handle' | 'drop' | 'close';

/** How far into debt (in seconds of budget) a connection may go before it is closed. */
const MAX_DEBT_SECONDS = 10;

export class ConnectionBudget {
  private messages: number;
  private bytes: number;
  private at: number;
  private resumeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly limits: BudgetLimits,
    private readonly pause: () => void,
    private readonly resume: () => void,
    now = Date.now(),
  ) {
    this.messages = limits.messageBurst;
    this.bytes = limits.byteBurst;
    this.at = now;
  }

  /** Charges one frame and says what to do with it. */
  admit(frame: Uint8Array, now = Date.now()): Admission {
    const { messagesPerSecond, messageBurst, bytesPerSecond, byteBurst } = this.limits;
    if (messagesPerSecond <= 0 && bytesPerSecond <= 0) return 'handle';
    const dt = Math.max(0, now - this.at) / 1000;
    this.at = now;
    this.messages = Math.min(messageBurst, this.messages + dt * messagesPerSecond);
    this.bytes = Math.min(byteBurst, this.bytes + dt * bytesPerSecond);
    const short = (messagesPerSecond > 0 && this.messages < 1) || (bytesPerSecond > 0 && this.bytes < frame.byteLength);
    if (short && frame[0] === MESSAGE_AWARENESS) return this.holdOff('drop');
    if (messagesPerSecond > 0) this.messages -= 1;
    if (bytesPerSecond > 0) this.bytes -= frame.byteLength;
    if (
      (messagesPerSecond > 0 && this.messages < -MAX_DEBT_SECONDS * messagesPerSecond) ||
      (bytesPerSecond > 0 && this.bytes < -MAX_DEBT_SECONDS * bytesPerSecond)
    ) {
      return 'close';
    }
    return this.messages < 0 || this.bytes < 0 ? this.holdOff('handle') : 'handle';
  }

  /** Pauses reading until both buckets are back above zero. */
  private holdOff(a: Admission): Admission {
    if (this.resumeTimer) return a;
    const { messagesPerSecond, bytesPerSecond } = this.limits;
    const waitMessages = messagesPerSecond > 0 && this.messages < 1 ? ((1 - this.messages) / messagesPerSecond) * 1000 : 0;
    const waitBytes = bytesPerSecond > 0 && this.bytes < 0 ? (-this.bytes / bytesPerSecond) * 1000 : 0;
    this.pause();
    this.resumeTimer = setTimeout(() => {
      this.resumeTimer = null;
      this.resume();
    }, Math.ceil(Math.max(waitMessages, waitBytes, 1)));
    this.resumeTimer.unref();
    return a;
  }

  stop(): void {
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    this.resumeTimer = null;
  }
}

/** The budget the settings give; the byte burst is at least one largest message (and 4 MiB). */
export function budgetFrom(config: ServerConfig): BudgetLimits {
  return {
    messagesPerSecond: config.connectionMessagesPerSecond,
    messageBurst: Math.max(1, config.connectionMessageBurst),
    bytesPerSecond: config.connectionBytesPerSecond,
    byteBurst: config.connectionByteBurst || Math.max(config.maxMessageBytes, 4 * 1024 * 1024),
  };
}
