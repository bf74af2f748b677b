// Who is signed in, asked once per page load: `off` when the server has no sign-in configured
// (share links only, GET /api/me is 404), `signedOut` (401), or the user.
import { useSyncExternalStore } from 'react';
import { ApiError } from '../api';
import { getMe, logout, type User } from './authApi';

export type SignIn = { state: 'loading' } | { state: 'off' } | { state: 'signedOut' } | { state: 'signedIn'; user: User };

let current: SignIn = { state: 'loading' };
let asked = false;
const listeners = new Set<() => void>();

function set(next: SignIn): void {
  current = next;
  for (const fn of listeners) fn();
}

function ask(): void {
  if (asked) return;
  asked = true;
  getMe().then(
    (user) => set({ state: 'signedIn', user }),
    (err: unknown) => set(err instanceof ApiError && err.status === 401 ? { state: 'signedOut' } : { state: 'off' }),
  );
}

export function useSignIn(): SignIn {
  return useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      ask();
      return () => listeners.delete(fn);
    },
    () => current,
  );
}

/** Ends the session here, then at the provider when it offers end-session. */
export async function signOut(): Promise<void> {
  const { endSessionUrl } = await logout();
  set({ state: 'signedOut' });
  if (endSessionUrl) location.assign(endSessionUrl);
}
