// /api/boards/:id/votes and /participants (#16 §3): votes opened and closed by the server, ballots
// cast through it under a server-issued participant pass (header `X-Participant-Pass`).
import { Router, type Request } from 'express';
import type { BoardStorage } from '../storage/BoardStorage';
import type { BallotBox } from '../trust/BallotBox';
import type { ParticipantPasses } from '../trust/participantPass';
import { ForbiddenError } from '../errors';
import { access, requireRole } from './boardAccess';

export function votesRouter(storage: BoardStorage, ballots: BallotBox, passes: ParticipantPasses): Router {
  const router = Router({ mergeParams: true });

  const participant = (req: Request): string => {
    const { board, tokenHash } = access(req);
    const id = passes.check(board.id, tokenHash, req.get('x-participant-pass'));
    if (!id) throw new ForbiddenError('pass_invalid', 'Send the participant pass from POST /api/boards/:id/participants in X-Participant-Pass (it belongs to the link it was issued on).');
    return id;
  };

  router.post('/votes', requireRole(storage, 'editor'), async (req, res) => {
    res.status(201).json({ vote: await ballots.open(access(req).board.id, access(req), req.body) });
  });

  router.put('/votes/:voteId/ballot', requireRole(storage, 'editor'), async (req, res) => {
    const id = participant(req);
    res.json(await ballots.cast(access(req).board.id, id, String(req.params.voteId), req.body));
  });

  router.get('/votes/:voteId/ballot', requireRole(storage, 'editor'), async (req, res) => {
    const id = participant(req);
    res.json({ dots: await ballots.mine(access(req).board.id, id, String(req.params.voteId)) });
  });

  router.post('/votes/:voteId/close', requireRole(storage, 'editor'), async (req, res) => {
    res.json({ vote: await ballots.close(access(req).board.id, access(req), String(req.params.voteId), req.body) });
  });

  // A pass for one participant: the id ballots are kept under (see trust/participantPass.ts).
  router.post('/participants', requireRole(storage, 'editor'), (req, res) => {
    const { board, tokenHash } = access(req);
    res.status(201).json(passes.issue(board.id, tokenHash));
  });

  return router;
}
