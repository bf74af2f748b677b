// Smoke test of a running server, with Node's own fetch and WebSocket only (it runs against a
// production install, where no dev dependency exists): health, create a board, join it live,
// export DOCX and PNG (render worker threads), metrics.   node scripts/smoke.mjs <baseUrl>
const base = process.argv[2];
const fail = (msg) => {
  console.error(`smoke: ${msg}`);
  process.exit(1);
};
const must = async (what, res, status = 200) => {
  if (res.status !== status) fail(`${what}: ${res.status} ${await res.text()}`);
  return res;
};

await must('healthz', await fetch(`${base}/healthz`));
await must('client', await fetch(`${base}/`));
const created = await (await must('create', await fetch(`${base}/api/boards`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Røyktest' }),
}), 201)).json();
const { id, tokens } = created;

// The y-websocket protocol's first message from the server is sync step 1 (type 0, step 0).
const first = await new Promise((resolve, reject) => {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/ws/${id}?token=${tokens.editor}`);
  ws.binaryType = 'arraybuffer';
  const timer = setTimeout(() => reject(new Error('no message within 10 s')), 10_000);
  ws.onmessage = (e) => {
    clearTimeout(timer);
    ws.close();
    resolve(new Uint8Array(e.data));
  };
  ws.onerror = () => reject(new Error('websocket error'));
}).catch((e) => fail(`websocket: ${e.message}`));
if (first[0] !== 0 || first[1] !== 0) fail(`websocket: unexpected first message ${first.slice(0, 4)}`);

for (const [format, magic] of [['docx', 'PK'], ['png', '\x89PNG'], ['md', '#']]) {
  const res = await must(`export ${format}`, await fetch(`${base}/api/boards/${id}/export?format=${format}`, { headers: { authorization: `Bearer ${tokens.viewer}` } }));
  const head = Buffer.from(await res.arrayBuffer()).subarray(0, magic.length).toString('latin1');
  if (head !== magic) fail(`export ${format}: does not start with ${JSON.stringify(magic)}`);
}
const metrics = await (await must('metrics', await fetch(`${base}/metrics`))).text();
if (!/malkart_export_queue_limit \d+/.test(metrics)) fail('metrics: no export pool metrics');
console.log(`smoke: ok (${base}, board ${id})`);
