// The rød tråd check as a section of the working chapter's appendix (#20 §1): every break of the
// thread, one line per card, in board order. Kept apart from planChapter.ts (one call there).
import type { BoardGraph } from '../boardDoc';
import { redThreadBreaks, THREAD_BREAK_LABELS } from '../redThread';
import type { ExportLang } from './labels';

const TEXT: Record<ExportLang, { heading: string; intro: string }> = {
  nb: {
    heading: 'Rød tråd',
    intro: 'Brudd i tråden fra nasjonale mål og kommuneplanens mål til tiltak og indikatorer:',
  },
  nn: {
    heading: 'Raud tråd',
    intro: 'Brot i tråden frå nasjonale mål og kommuneplanen sine mål til tiltak og indikatorar:',
  },
};

export interface RedThreadSection {
  heading: string;
  intro: string;
  items: string[];
}

export function redThreadSection(graph: BoardGraph, lang: ExportLang): RedThreadSection {
  return {
    ...TEXT[lang],
    items: redThreadBreaks(graph).map((b) => `${THREAD_BREAK_LABELS[b.kind][lang]}: «${b.node.title.replace(/\s+/g, ' ').trim()}»`),
  };
}
