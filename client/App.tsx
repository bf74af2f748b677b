// Routing only: `/` is the landing page, `/b/:id` a board.
import { LandingPage } from './landing/LandingPage';
import { BoardPage } from './board/BoardPage';
import { useLocation } from './navigation';

export function App() {
  const { path, search } = useLocation();
  const m = /^\/b\/([^/]+)\/?$/.exec(path);
  if (m) {
    const token = new URLSearchParams(search).get('token') ?? '';
    const id = decodeURIComponent(m[1]!);
    return <BoardPage key={`${id}|${token}`} boardId={id} token={token} />;
  }
  return <LandingPage />;
}
