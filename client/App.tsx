// Routing only: `/` is the landing page, `/b/:id` a board (its token in the fragment, #token=…),
// `/invitasjon#token=…` an invitation to become a member.
import { LandingPage } from './landing/LandingPage';
import { BoardPage } from './board/BoardPage';
import { moveTokenToFragment, tokenFromLocation, useLocation } from './navigation';
import { InvitationPage } from './auth/InvitationPage';

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
  // An invitation link (issue #17): its token in the fragment, like a share link's.
  if (loc.path === '/invitasjon') return <InvitationPage token={tokenFromLocation(loc)} />;
  return <LandingPage />;
}
