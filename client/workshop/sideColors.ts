// The colour of each workshop side, for people's dots (avatars, the participant list): who is state
// and who is municipality shows at a glance. Cursors keep a colour per person, to tell people apart.
// Each is dark enough for white initials on it (≥ 4.5:1).
import type { Side } from '../../shared';

export const SIDE_COLORS: Record<Side, string> = {
  stat: '#1f4e9c',
  kommune: '#17663a',
  brukerrep: '#9a3412',
  tillitsvalgt: '#6b2f8f',
  gjest: '#5a6472',
};

export function sideColor(side: unknown, fallback: string): string {
  return typeof side === 'string' && side in SIDE_COLORS ? SIDE_COLORS[side as Side] : fallback;
}
