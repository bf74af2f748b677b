// Plain history-API navigation: the app has two pages, so no router package.
// A board's share-link token travels in the URL fragment (/b/<id>#token=…), which browsers never
// send to a server nor put in a Referer; old links with ?token= are rewritten on arrival.
import { useEffect, useState } from 'react';

export function navigate(url: string): void {
  history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Replaces the current history entry (no new back-button step). */
export function replaceLocation(url: string): void {
  history.replaceState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export interface Loc {
  path: string;
  search: string;
  hash: string;
}

const current = (): Loc => ({ path: location.pathname, search: location.search, hash: location.hash });

export function useLocation(): Loc {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const on = () => setLoc(current());
    window.addEventListener('popstate', on);
    window.addEventListener('hashchange', on);
    return () => {
      window.removeEventListener('popstate', on);
      window.removeEventListener('hashchange', on);
    };
  }, []);
  return loc;
}

/** The token of a board link: from the fragment (#token=…), or from an old link's ?token=. */
export function tokenFromLocation(loc: { search: string; hash: string }): string {
  const fromHash = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token');
  return fromHash || new URLSearchParams(loc.search).get('token') || '';
}

/**
 * An old link (?token=…) becomes /b/<id>?<the rest>#token=… in place (history.replaceState), so
 * the token is no longer part of any URL the page requests or reports. Returns true if rewritten.
 */
export function moveTokenToFragment(): boolean {
  const q = new URLSearchParams(location.search);
  const token = q.get('token');
  if (!token) return false;
  q.delete('token');
  const rest = q.toString();
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (!hash.get('token')) hash.set('token', token);
  history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}#${hash.toString()}`);
  return true;
}

/** The path and fragment of a board, for in-app navigation. */
export function boardPath(id: string, token: string): string {
  return `/b/${encodeURIComponent(id)}#token=${encodeURIComponent(token)}`;
}
