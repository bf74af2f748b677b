// y-websocket, when its socket closes, marks everyone else as gone by stepping their awareness clocks
// on this side only. After the reconnect the server sends their states with the clocks they really
// have, which are then "not newer" and ignored until each person changes something (their renewal
// comes every 15 s, and the first one can still be too old): the people in the room stay missing
// from the top bar for up to half a minute. Forgetting the clocks of those marked gone lets the
// server's states in at once; the server only ever sends the present ones.
import type { Awareness } from 'y-protocols/awareness';

export function forgetDepartedClocks(awareness: Awareness): void {
  for (const id of [...awareness.meta.keys()]) {
    if (id !== awareness.clientID && !awareness.states.has(id)) awareness.meta.delete(id);
  }
}
