// Test support: the render worker, except that a board titled "__crash__" kills the worker, one
// titled "__spin__" keeps it busy forever and one titled "__hang__" never gets an answer.
import { parentPort } from 'node:worker_threads';
import { answer, postReply, type RenderRequest } from '../renderJob';

const port = parentPort!;
port.on('message', async (req: RenderRequest) => {
  const title = req.job.board?.meta?.title;
  if (title === '__crash__') process.exit(7);
  if (title === '__spin__') for (;;);
  if (title === '__hang__') return;
  const { reply, transfer } = await answer(req);
  postReply(port, reply, transfer);
});
port.postMessage('ready');
