// The referat as Word: headings as real heading styles, tables with a repeating header row, the
// document language set, and the text the Markdown referat has.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { agree, toBoardJson } from '../../shared';
import { buildReferat } from '../../shared/export';
import { KOMMUNE, ORIGIN, STAT, lierWithWorkshop } from '../../shared/workshop/testing';
import { referatDocx } from './referatDocx';

describe('referatDocx', () => {
  it('writes the referat with heading styles, header rows and the language', async () => {
    const doc = lierWithWorkshop();
    const start = toBoardJson(doc);
    agree(doc, { targetId: 'T1', side: 'stat', ...STAT, at: '2025-03-12T10:10:00.000Z' }, ORIGIN);
    const now = toBoardJson(doc);
    doc.destroy();
    const r = buildReferat({
      start, now, lang: 'nn',
      meeting: { label: 'Partnarskapsmøte', startedAt: '2025-03-12T10:00:00.000Z', endedAt: '2025-03-12T11:00:00.000Z' },
      participants: [{ ...STAT, side: 'stat' }, { ...KOMMUNE, side: 'kommune' }],
    });
    const zip = await JSZip.loadAsync(await referatDocx(r));
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect((xml.match(/<w:pStyle w:val="Heading2"\/>/g) ?? []).length).toBe(r.sections.length);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Semje i møtet');
    expect(xml).toContain('Ungdomsteam med IPS-jobbspesialist');
    expect(styles).toContain('w:val="nn-NO"');
  });
});
