import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBoardJson } from '../interchange/boardJson';
import { createNode, deleteNodes, link, updateNode } from '../operations';
import type { BoardJson } from '../interchange/schema';
import { agree, withdrawAgreement } from '../workshop/agreements';
import { reply, resolveThread, startThread } from '../workshop/comments';
import { FACILITATOR, GUEST, KOMMUNE, ORIGIN, STAT, lierWithWorkshop } from '../workshop/testing';
import { castDots, closeVote, startVote } from '../workshop/votes';
import { buildReferat, type ReferatInput } from './referat';
import { referatHtml } from './referatHtml';
import { referatMarkdown } from './referatMarkdown';

const goldenPath = (name: string) => new URL(`./__golden__/${name}`, import.meta.url);
/** Compares with a reviewed file; MALKART_UPDATE_GOLDEN=1 rewrites it (then read the diff before committing). */
function golden(name: string, text: string): void {
  if (process.env.MALKART_UPDATE_GOLDEN === '1') writeFileSync(goldenPath(name), text);
  expect(text).toBe(readFileSync(goldenPath(name), 'utf8'));
}

// The meeting: 11.00–12.30 Norwegian time, on the Lier board that already had a workshop (before 11.00).
const START = '2025-03-12T10:00:00.000Z';
const M1 = '2025-03-12T10:10:00.000Z';
const M2 = '2025-03-12T10:40:00.000Z';
const M3 = '2025-03-12T11:15:00.000Z';
const END = '2025-03-12T11:30:00.000Z';

/** The start snapshot, and the board after a scripted meeting: two sides agree, vote, comment and edit. */
function meeting(): { start: BoardJson; now: BoardJson } {
  const doc = lierWithWorkshop();
  const start = toBoardJson(doc);
  const ok = (r: { ok: boolean; message?: { en: string } }) => {
    if (!r.ok) throw new Error(r.message?.en);
  };
  // Agreement: stat joins kommune on T1 (now avtalt); stat takes back K3; kommune agrees to L2.
  ok(agree(doc, { targetId: 'T1', side: 'stat', ...STAT, at: M1 }, ORIGIN));
  ok(withdrawAgreement(doc, { targetId: 'K3', side: 'stat' }, ORIGIN));
  ok(agree(doc, { targetId: 'L2', side: 'kommune', ...KOMMUNE, at: M1 }, ORIGIN));
  // An edit clears the agreement K2 had.
  ok(updateNode(doc, 'K2', { title: 'Alle unge fullfører videregående eller er i arbeid' }, ORIGIN));
  // A new measure for the delmål that had none, and a trend card taken off.
  ok(createNode(doc, { id: 'T9', kind: 'measure', tier: 'kommuneplan', title: 'Jobbmesse for personer med redusert arbeidsevne', position: { x: 1800, y: 700 } }, ORIGIN));
  ok(link(doc, { id: 'e90', kind: 'contributesTo', source: 'T9', target: 'K4' }, ORIGIN));
  deleteNodes(doc, ['C1'], ORIGIN);
  // A dot vote, held and closed.
  ok(startVote(doc, { id: 'v3', title: 'Hvilket tiltak først?', targetIds: ['T1', 'T3', 'T9'], dots: 3, createdBy: FACILITATOR, createdAt: M1 }, ORIGIN));
  ok(castDots(doc, { voteId: 'v3', ...STAT, dots: { T1: 2, T9: 1 }, at: M2 }, ORIGIN));
  ok(castDots(doc, { voteId: 'v3', ...KOMMUNE, dots: { T9: 2, T3: 1 }, at: M2 }, ORIGIN));
  ok(castDots(doc, { voteId: 'v3', ...GUEST, dots: { T9: 3 }, at: M2 }, ORIGIN));
  ok(closeVote(doc, { voteId: 'v3', participantId: FACILITATOR.participantId, at: M3 }, ORIGIN));
  // Comments: a new question to the state side, an answer in an old thread asking the kommune back, one settled.
  ok(startThread(doc, { id: 'th4', targetId: 'T9', targetType: 'node', ...KOMMUNE, text: 'Kan NAV stille med veiledere på messa?', mentions: [STAT.participantId], at: M2, messageId: 'm5' }, ORIGIN));
  ok(reply(doc, { threadId: 'th1', ...STAT, text: 'Da trenger vi tallene fra ungdomsteamet før juni.', mentions: [KOMMUNE.participantId], at: M2, messageId: 'm6' }, ORIGIN));
  ok(startThread(doc, { id: 'th5', targetId: 'K4', targetType: 'node', ...GUEST, text: 'Er delmålet målbart?', at: M1, messageId: 'm7' }, ORIGIN));
  ok(resolveThread(doc, { threadId: 'th5', ...FACILITATOR, at: M3 }, ORIGIN));
  const now = toBoardJson(doc);
  doc.destroy();
  return { start, now };
}

const input = (over: Partial<ReferatInput> = {}): ReferatInput => ({
  ...meeting(),
  meeting: { label: 'Partnerskapsmøte mars', startedAt: START, endedAt: END },
  participants: [
    { ...STAT, side: 'stat' },
    { ...KOMMUNE, side: 'kommune' },
    { ...FACILITATOR, side: null },
  ],
  lang: 'nb',
  ...over,
});

describe('the referat of a meeting', () => {
  it('reads as the reviewed referat (Markdown, bokmål)', () => {
    golden('referat-lier.md', referatMarkdown(buildReferat(input())));
  });

  it('and in nynorsk', () => {
    golden('referat-lier.nn.md', referatMarkdown(buildReferat(input({ lang: 'nn' }))));
  });

  it('tells only what happened in the meeting: no earlier agreement, vote or thread unless it changed', () => {
    const r = buildReferat(input());
    const text = JSON.stringify(r);
    // K2 was agreed before the meeting: it appears only as cleared by the edit.
    const agreedCards = r.sections.find((s) => s.key === 'agreed')!.blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((row) => row[0]) : []));
    expect(agreedCards).toEqual(['«Flere langtidsmottakere inn i kvalifiseringsprogrammet»', '«Ungdomsteam med IPS-jobbspesialist»']);
    expect(text).toContain('Enigheten fra stat om «Alle unge fullfører videregående eller er i arbeid» falt bort fordi kortet ble endret etterpå.');
    expect(text).not.toContain('Hva er viktigst?'); // closed before the meeting
    expect(text).not.toContain('Neste steg'); // open since before, untouched
    expect(text).not.toContain('Hører dette under livskvalitet?'); // resolved before
    expect(text).toContain('1 eldre tråd fra før møtet');
  });

  it('a vote opened before the meeting is told when someone votes in it during the meeting', () => {
    const doc = lierWithWorkshop();
    const start = toBoardJson(doc);
    castDots(doc, { voteId: 'v2', ...STAT, dots: { L1: 1 }, at: M1 }, ORIGIN);
    const now = toBoardJson(doc);
    doc.destroy();
    const md = referatMarkdown(buildReferat({ ...input(), start, now }));
    expect(md).toContain('«Neste steg» er fortsatt åpen (2 deltakere har stemt). Resultatet vises når den lukkes.');
  });

  it('with an audit log, names who agreed from it and says when the board record is not backed by it', () => {
    const r = buildReferat(
      input({ audit: [{ at: M1, action: 'agree', targetId: 'T1', side: 'stat', name: 'Siri Stat (innlogget)', participantId: STAT.participantId }, { at: M2, action: 'withdraw', targetId: 'K3', side: 'stat', name: 'Siri Stat (innlogget)' }] }),
    );
    const md = referatMarkdown(r);
    expect(md).toContain('Stat: Siri Stat (innlogget), 12.03.2025 kl. 11.10');
    expect(md).toContain('Kommune: Kari Kommune (ikke bekreftet i revisjonsloggen)');
    expect(md).toContain('Stat trakk tilbake enigheten om «Færre barn i husholdninger med vedvarende lavinntekt» (Siri Stat (innlogget), 12.03.2025 kl. 11.40).');
    expect(md).toContain('Hvem som sa seg enig er hentet fra revisjonsloggen.');
  });

  it('a meeting where nothing happened says so in every section', () => {
    const { start } = meeting();
    const md = referatMarkdown(buildReferat({ start, now: structuredClone(start), meeting: { label: 'Kort møte', startedAt: END, endedAt: END }, lang: 'nb' }));
    for (const s of ['Ingen deltakere er registrert.', 'Det ble ikke gitt ny enighet i møtet.', 'Det ble ikke holdt avstemninger i møtet.', 'Ingen kort eller koblinger ble endret i møtet.', 'Ingen kommentartråder fra møtet står åpne.']) {
      expect(md).toContain(s);
    }
  });

  it('the HTML page has the language, header cells and escaped user text', () => {
    const { start, now } = meeting();
    now.nodes.find((n) => n.id === 'T9')!.title = '<script>alert(1)</script> & mer';
    const html = referatHtml(buildReferat({ ...input(), start, now, lang: 'nn' }));
    expect(html).toContain('<html lang="nn">');
    expect(html).toContain('<th scope="col">Prikkar</th>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer');
  });
});
