// Test support: the render worker, except that a board titled "__crash__" kills the worker, one
// titled "__spin__" keeps it busy forever, one titled "__hang__" never gets an answer, one titled
// "__slow__" is answered after 300 ms and one titled "__hog__" first holds 400 MiB of heap.
import { parentPort } from 'node:worker_threads';
import { answer, postReply, type RenderRequest } from '../renderJob';

const port = parentPort!;
port.on('message', async (req: RenderRequest) => {
  const title = req.job.board?.meta?.title;
  if (title === '__crash__') process.exit(7);
  if (title === '__spin__') for (;;);
  if (title === '__hang__') return;
  if (title === '__slow__') await new Promise((resolve) => setTimeout(resolve, 300));
  if (title === '__hog__') {
    const held: number[][] = [];
    for (let i = 0; i < 400; i++) held.push(new Array(128 * 1024).fill(i)); // about 1 MiB each
    if (held.length !== 400) return;
  }
  const { reply, transfer } = await answer(req);
  postReply(port, reply, transfer);
});
port.postMessage('ready');
