import { describe, expect, it } from 'vitest';
import { graphFromJson } from '../readModels';
import { buildPlanChapter } from './planChapter';
import { redThreadSection } from './redThreadSection';
import { LIER } from './testBoards';

describe('the rød tråd section of the working chapter', () => {
  it('names every break of the example board in the chapter language', () => {
    expect(redThreadSection(graphFromJson(LIER), 'nb').items).toEqual([
      'Kommuneplanmål uten tiltak: «Flere med redusert arbeidsevne i arbeid»',
      'Kommuneplanmål uten tiltak: «Lavere netto driftsutgifter til økonomisk sosialhjelp per innbygger»',
      'Kommuneplanmål uten indikator: «Lavere netto driftsutgifter til økonomisk sosialhjelp per innbygger»',
    ]);
    expect(redThreadSection(graphFromJson(LIER), 'nn').heading).toBe('Raud tråd');
  });

  it('is in the working variant and not in the publication', () => {
    const working = buildPlanChapter(LIER, { view: 'all', lang: 'nb', variant: 'working' });
    expect(working.appendix!.sections.find((s) => s.heading === 'Rød tråd')!.items).toHaveLength(3);
    expect(JSON.stringify(buildPlanChapter(LIER, { view: 'all', lang: 'nb', variant: 'publication' }))).not.toContain('Rød tråd');
  });
});
