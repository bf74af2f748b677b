// Worker-thread entry of RenderPool: renders each request it is sent and posts the bytes back.
import { parentPort } from 'node:worker_threads';
import { answer, postReply, type RenderRequest } from './renderJob';

const port = parentPort!;
port.on('message', async (req: RenderRequest) => {
  const { reply, transfer } = await answer(req);
  postReply(port, reply, transfer);
});
port.postMessage('ready');
