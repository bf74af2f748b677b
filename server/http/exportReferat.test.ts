// GET /api/boards/:id/export?variant=referat&since=<snapshotId> (#20 §2): the referat of the meeting
// that began at a «møtestart» snapshot, from a real server with two real y-websocket clients.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { createNode, link, meetingStartLabel, startThread, updateNode } from '../../shared';
import { cleanUpAfterEach, connectClient, createBoard, startTestServer, waitFor, type CreatedBoard, type TestServer } from '../testing/testServer';

let server: TestServer;
cleanUpAfterEach();

async function get(board: CreatedBoard, query: string) {
  const res = await fetch(`${server.url}/api/boards/${board.id}/export?${query}`, { headers: { authorization: `Bearer ${board.tokens.viewer}` } });
  return { res, text: Buffer.from(await res.arrayBuffer()) };
}
async function snapshot(board: CreatedBoard, label: string): Promise<string> {
  const res = await fetch(`${server.url}/api/boards/${board.id}/snapshots`, {
    method: 'POST',
    headers: { authorization: `Bearer ${board.tokens.editor}`, 'content-type': 'application/json' },
    body: JSON.stringify({ label, createdBy: 'Frida Fasilitator' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('the referat over HTTP', () => {
  it('tells what two sides did since the meeting start, who was there by side, in md, html and docx', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const stat = connectClient(server.wsUrl, board.id, board.tokens.editor);
    const kommune = connectClient(server.wsUrl, board.id, board.tokens.editor);
    await Promise.all([stat.synced, kommune.synced]);
    stat.provider.awareness.setLocalStateField('user', { name: 'Siri Stat', side: 'stat', participantId: 'p-stat' });
    kommune.provider.awareness.setLocalStateField('user', { name: 'Kari Kommune', side: 'kommune', participantId: 'p-kom' });
    // Something before the meeting, which the referat must leave out.
    updateNode(stat.doc, 'K8', { title: 'Lavere netto driftsutgifter til sosialhjelp' }, 'stat');
    await waitFor(() => String((kommune.doc.getMap('nodes').get('K8') as Y.Map<unknown> | undefined)?.get('title') ?? '').includes('til sosialhjelp'), 5000, 'the edit before');
    const since = await snapshot(board, meetingStartLabel('Partnerskapsmøte mars'));
    const now = () => new Date().toISOString();
    // The meeting: both sides agree to a goal, a vote is held, a comment asks the state, a card is added.
    // Agreements and votes go through the server (#16), with the side-bound links.
    const api = async (method: string, path: string, token: string, json?: unknown, pass?: string) => {
      const res = await fetch(`${server.url}/api/boards/${board.id}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(pass ? { 'x-participant-pass': pass } : {}) },
        body: json === undefined ? undefined : JSON.stringify(json),
      });
      expect(res.status).toBeLessThan(300);
      return (await res.json()) as Record<string, any>;
    };
    await api('POST', '/agreements', board.tokens.stat, { targetId: 'K2', side: 'stat', name: 'Siri Stat' });
    await api('POST', '/agreements', board.tokens.kommune, { targetId: 'K2', side: 'kommune', name: 'Kari Kommune' });
    const kari = { participantId: 'p-kom', name: 'Kari Kommune' };
    const vote = (await api('POST', '/votes', board.tokens.kommune, { title: 'Hva først?', targetIds: ['T1', 'T3'], dots: 2, by: kari })).vote as { id: string };
    const statPass = (await api('POST', '/participants', board.tokens.stat)).pass as string;
    const komPass = (await api('POST', '/participants', board.tokens.kommune)).pass as string;
    await api('PUT', `/votes/${vote.id}/ballot`, board.tokens.stat, { name: 'Siri Stat', dots: { T3: 2 } }, statPass);
    await api('PUT', `/votes/${vote.id}/ballot`, board.tokens.kommune, { name: 'Kari Kommune', dots: { T3: 1, T1: 1 } }, komPass);
    await api('POST', `/votes/${vote.id}/close`, board.tokens.kommune, { by: kari });
    startThread(kommune.doc, { id: 'th1', targetId: 'K4', targetType: 'node', participantId: 'p-kom', name: 'Kari Kommune', text: 'Hvem eier tiltaket?', mentions: ['p-stat'], at: now(), messageId: 'm1' }, 'kommune');
    createNode(stat.doc, { id: 'T9', kind: 'measure', tier: 'kommuneplan', title: 'Jobbmesse', position: { x: 0, y: 800 } }, 'stat');
    link(stat.doc, { id: 'e90', kind: 'contributesTo', source: 'T9', target: 'K4' }, 'stat');
    await waitFor(() => stat.doc.getMap('comments').size === 1 && kommune.doc.getMap('nodes').has('T9') && (stat.doc.getMap('votes').get(vote.id) as { status: string } | undefined)?.status === 'closed', 5000, 'the meeting to sync');

    const md = await get(board, `format=md&variant=referat&since=${since}`);
    expect(md.res.status).toBe(200);
    expect(md.res.headers.get('content-disposition')).toMatch(/filename="referat-lier-mal-for-arbeid-og-inkludering-\d{4}-\d\d-\d\d\.md"/);
    const text = md.text.toString('utf8');
    expect(text).toContain('- **Møte:** Partnerskapsmøte mars');
    expect(text).toContain('- Stat: Siri Stat\n- Kommune: Kari Kommune');
    expect(text).toMatch(/\| «Alle unge fullfører utdanning eller er i arbeid» \| Mål \| Avtalt mellom stat og kommune \| Stat: Siri Stat, .*; Kommune: Kari Kommune, /);
    expect(text).toContain('| 1. | «Arbeidsgivernettverket «Lierjobb»» | 3 | 2 |');
    expect(text).toContain('| «Flere med redusert arbeidsevne i arbeid» | Kari Kommune: «Hvem eier tiltaket?» | Siri Stat |');
    expect(text).toContain('- Tiltak «Jobbmesse»');
    expect(text).not.toContain('Endret:'); // the edit before the meeting is not told
    const nn = (await get(board, `format=md&variant=referat&since=${since}&lang=nn`)).text.toString('utf8');
    expect(nn).toContain('## Semje i møtet');
    const html = await get(board, `format=html&variant=referat&since=${since}`);
    expect(html.text.toString('utf8')).toContain('<html lang="nb">');
    const docx = await get(board, `format=docx&variant=referat&since=${since}`);
    expect(docx.res.status).toBe(200);
    expect(docx.text.subarray(0, 2).toString()).toBe('PK');
  });

  it('asks for the start snapshot, refuses other formats and unknown snapshots', async () => {
    server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const missing = await get(board, 'format=md&variant=referat');
    expect(missing.res.status).toBe(400);
    expect(JSON.parse(missing.text.toString()).error.message).toContain('since');
    expect((await get(board, 'format=csv&variant=referat&since=x')).res.status).toBe(400);
    expect((await get(board, 'format=md&variant=referat&since=nope')).res.status).toBe(404);
  });
});
