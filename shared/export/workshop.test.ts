import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyBoardJson, toBoardJson } from '../interchange/boardJson';
import type { BoardJson } from '../interchange/schema';
import * as Y from 'yjs';
import { agree } from '../workshop/agreements';
import { STAT, T1, lierWithWorkshop } from '../workshop/testing';
import { buildPlanChapter } from './planChapter';
import { formatDateTime } from './format';
import { exportMarkdown } from './markdown';
import { LIER } from './testBoards';

const golden = (name: string) => readFileSync(new URL(`./__golden__/${name}`, import.meta.url), 'utf8');
function workshopBoard(): BoardJson {
  const doc = lierWithWorkshop();
  const b = toBoardJson(doc);
  doc.destroy();
  return b;
}

describe('the workshop in the chapter', () => {
  it('adds the comment appendix to a board without workshop data only when asked for, saying there are none', () => {
    const plain = exportMarkdown(LIER, { view: 'all', lang: 'nb' });
    expect(plain).not.toContain('Vedlegg: Kommentarer');
    const withAppendix = exportMarkdown(LIER, { view: 'all', lang: 'nb', comments: true });
    expect(withAppendix.startsWith(plain)).toBe(true);
    expect(withAppendix.slice(plain.length)).toBe('\n## Vedlegg: Kommentarer\n\nKommentartrådene fra tavla, åpne og løste, med alle innlegg.\n\nIngen kommentarer.\n');
    // The publication variant carries no comments (they hold names), asked for or not.
    expect(exportMarkdown(LIER, { view: 'all', lang: 'nb', variant: 'publication', comments: true })).toBe(golden('lier.md'));
  });

  it('writes times as Norwegian local time', () => {
    expect(formatDateTime('2025-03-12T09:00:00.000Z', 'nb')).toBe('12.03.2025 kl. 10.00');
    expect(formatDateTime('2025-06-30T22:30:00Z', 'nn')).toBe('01.07.2025 kl. 00.30');
    expect(formatDateTime('not a time', 'nb')).toBe('not a time');
  });

  it('says per goal, measure and indicator who agreed and when, "Avtalt" when both did, and what an edit cleared', () => {
    const md = exportMarkdown(workshopBoard(), { view: 'all', lang: 'nb' });
    expect(md).toContain('\n_Avtalt (stat: Siri Stat, 12.03.2025 kl. 10.00; kommune: Kari Kommune, 12.03.2025 kl. 10.05)_\n');
    expect(md).toContain('\n_Bare staten er enig (stat: Siri Stat, 12.03.2025 kl. 10.05)_\n');
    expect(md).toContain(
      '\n_Ikke avtalt; endret etter enighet fra kommune (Kari Kommune, 12.03.2025 kl. 10.00), stat (Siri Stat, 12.03.2025 kl. 10.00)_\n',
    );
    expect(md).toContain('- Ungdomsteam med IPS-jobbspesialist (2025–2027) – _Bare kommunen er enig (kommune: Kari Kommune, 12.03.2025 kl. 10.10)_');
    // Published: only what both agreed, with the date and no names.
    const pub = exportMarkdown(workshopBoard(), { view: 'all', lang: 'nb', variant: 'publication' });
    expect(pub).toContain('\n_Avtalt mellom stat og kommune 12.03.2025._\n');
    for (const gone of ['Siri Stat', 'Kari Kommune', 'Bare staten', 'Ikke avtalt', '## Enighet mellom stat og kommune']) expect(pub).not.toContain(gone);
    expect(md).not.toContain('Vedlegg: Kommentarer');
  });

  it('an agreed indicator is listed under its table', () => {
    const doc = new Y.Doc();
    applyBoardJson(doc, workshopBoard(), 'x');
    expect(agree(doc, { targetId: 'K6', side: 'stat', ...STAT, at: T1 }, 'x').ok).toBe(true);
    const md = exportMarkdown(toBoardJson(doc), { view: 'all', lang: 'nb' });
    doc.destroy();
    expect(md).toContain('**Enighet om indikatorene**\n\n- Andel sosialhjelpsmottakere 18–24 år (lavere er bedre): Bare staten er enig (stat: Siri Stat, 12.03.2025 kl. 10.05)');
  });

  it('adds an agreement overview: avtalt, one side only, open', () => {
    const ch = buildPlanChapter(workshopBoard(), { view: 'all', lang: 'nb' });
    const o = ch.agreements!;
    expect(o.heading).toBe('Enighet mellom stat og kommune');
    expect(o.lists.map((l) => [l.heading, l.items.map((i) => i.title)])).toEqual([
      ['Avtalt av begge parter', ['Alle unge fullfører utdanning eller er i arbeid']],
      ['Enighet fra én part', ['Færre barn i husholdninger med vedvarende lavinntekt', 'Ungdomsteam med IPS-jobbspesialist']],
      ['Ikke avtalt', expect.arrayContaining(['Arbeidsrettet oppfølging innen fire uker', 'Arbeidsgivernettverket «Lierjobb»'])],
    ]);
    expect(o.lists[2]!.items).toHaveLength(16);
    const md = exportMarkdown(workshopBoard(), { view: 'all', lang: 'nb' });
    expect(md).toContain('## Enighet mellom stat og kommune\n\nHvilke mål');
    expect(md).toContain('### Avtalt av begge parter\n\n- Alle unge fullfører utdanning eller er i arbeid (Kommune) – Avtalt (stat: Siri Stat');
  });

  it('adds the comment threads as an appendix when asked for: open and resolved, every message, deleted cards named', () => {
    const md = exportMarkdown(workshopBoard(), { view: 'all', lang: 'nb', comments: true });
    const appendix = md.slice(md.indexOf('## Vedlegg: Kommentarer'));
    expect(appendix).toBe(
      [
        '## Vedlegg: Kommentarer',
        '',
        'Kommentartrådene fra tavla, åpne og løste, med alle innlegg.',
        '',
        '### Åpne tråder',
        '',
        '- **Mål «Alle unge fullfører utdanning eller er i arbeid»** – Åpen',
        '  - Siri Stat, 12.03.2025 kl. 10.00: Er 2027 realistisk?',
        '  - Kari Kommune, 12.03.2025 kl. 10.05: Ja, med IPS i ungdomsteamet.',
        '- **Slettet kort (C2)** – Åpen',
        '  - Gunnar Gjest, 12.03.2025 kl. 10.05: Gjelder dette fortsatt?',
        '',
        '### Løste tråder',
        '',
        '- **Kobling: «Livskvalitet og inkludering» delmål av «Sammen skaper vi Lier»** – Løst av Frida Fasilitator 12.03.2025 kl. 10.10',
        '  - Gunnar Gjest, 12.03.2025 kl. 10.00: Hører dette under livskvalitet?',
        '',
      ].join('\n'),
    );
  });

  it('keeps one reporting line per view: a stat view leaves out kommune cards\' threads and deleted cards', () => {
    const md = exportMarkdown(workshopBoard(), { view: 'stat', lang: 'nb', comments: true });
    expect(md).not.toContain('Er 2027 realistisk?');
    expect(md).not.toContain('Slettet kort');
    expect(md).toContain('Ingen kommentarer.');
    expect(md).not.toContain('Alle unge fullfører utdanning eller er i arbeid (Kommune');
  });

  it('writes nynorsk', () => {
    const md = exportMarkdown(workshopBoard(), { view: 'all', lang: 'nn', comments: true });
    for (const s of [
      '_Avtalt (stat: Siri Stat',
      'Berre staten er samd',
      'endra etter semje frå kommune',
      '## Semje mellom stat og kommune',
      '### Semje frå éin part',
      '## Vedlegg: Kommentarar',
      '### Opne trådar',
      '### Løyste trådar',
      '– Løyst av Frida Fasilitator',
    ]) expect(md).toContain(s);
    expect(md).not.toContain('Enighet');
  });
});
