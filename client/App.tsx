// Routing only: `/` is the landing page, `/b/:id` a board (its token in the fragment, #token=…).
import { LandingPage } from './landing/LandingPage';
import { BoardPage } from './board/BoardPage';
import { moveTokenToFragment, tokenFromLocation, useLocation } from './navigation';

// An old share link (?token=…) is rewritten before anything renders or fetches.
moveTokenToFragment();

export function App() {
  const loc = useLocation();
  const m = /^\/b\/([^/]+)\/?$/.exec(loc.path);
  if (m) {
    if (new URLSearchParams(loc.search).has('token')) moveTokenToFragment();
    const token = tokenFromLocation(loc);
    const id = decodeURIComponent(m[1]!);
    return <BoardPage key={`${id}|${token}`} boardId={id} token={token} />;
  }
  return <LandingPage />;
}
