// #16 (the optional part): the working chapter of the live board lists the agreement log from the
// server's audit log — who agreed or withdrew, for which side, when by the server's clock, and
// whether the name was verified. The publication variant and snapshot exports have none.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { EXAMPLE_BOARD } from '../../shared/examples';
import { cleanUpAfterEach, createBoard, startTestServer } from '../testing/testServer';

cleanUpAfterEach();

describe('the agreement log in the working chapter', () => {
  it('md, html and docx list who agreed and withdrew and when, from the audit log; not the publication variant', async () => {
    const server = await startTestServer({ autoSnapshotMs: 0 });
    const board = await createBoard(server.url, { board: EXAMPLE_BOARD });
    const call = async (method: string, path: string, token: string, json?: unknown) => {
      const res = await fetch(`${server.url}/api/boards/${board.id}${path}`, {
        method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: json === undefined ? undefined : JSON.stringify(json),
      });
      expect(res.status).toBeLessThan(300);
      return res;
    };
    const before = new Date().toISOString();
    await call('POST', '/agreements', board.tokens.stat, { targetId: 'K2', side: 'stat', name: 'Siri Stat' });
    await call('POST', '/agreements', board.tokens.kommune, { targetId: 'K2', side: 'kommune', name: 'Kari Kommune' });
    await call('DELETE', '/agreements/K2/kommune', board.tokens.kommune);
    const audit = (await (await call('GET', '/audit', board.tokens.owner)).json()) as { entries: { at: string; action: string }[] };
    const given = audit.entries.filter((e) => e.action === 'agreement.give').map((e) => e.at).sort();
    expect(given[0]! >= before).toBe(true);

    const md = await (await call('GET', '/export?format=md', board.tokens.viewer)).text();
    expect(md).toContain('Logg over enighet');
    const lines = md.split('\n').filter((l) => /sa seg enig i|trakk tilbake enighet i/.test(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/Stat: Siri Stat \(ubekreftet navn\) sa seg enig i Mål «Alle unge/);
    expect(lines[1]).toMatch(/Kommune: Kari Kommune \(ubekreftet navn\) sa seg enig i Mål/);
    expect(lines[2]).toMatch(/Kommune: Kari Kommune \(ubekreftet navn\) trakk tilbake enighet i Mål/);
    const html = await (await call('GET', '/export?format=html', board.tokens.viewer)).text();
    expect(html).toContain('Siri Stat (ubekreftet navn) sa seg enig i');
    const docx = Buffer.from(await (await call('GET', '/export?format=docx', board.tokens.viewer)).arrayBuffer());
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Logg over enighet');
    expect(xml).toContain('Siri Stat (ubekreftet navn) sa seg enig i');
    // Names and times are left out of the publication variant.
    const publication = await (await call('GET', '/export?format=md&variant=publication', board.tokens.viewer)).text();
    expect(publication).not.toContain('Logg over enighet');
  });
});
