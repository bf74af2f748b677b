// The 17 UN Sustainable Development Goals (bærekraftsmålene) as a catalogue: number, short
// name in bokmål, nynorsk and English, and the official colour. Cards store codes ("8", "8.5",
// validated by SDG_PATTERN in vocabulary.ts); this names and colours them.
// Sources: colours from the UN's "Sustainable Development Goals – Guidelines for the use of the
// SDG logo, including the colour wheel and 17 icons" (UN Department of Global Communications,
// 2023); Norwegian short names as FN-sambandet (fn.no) and regjeringen.no use them, nynorsk from
// FN-sambandet's nynorsk pages; English short titles from the same UN guidelines.
import type { BoardGraph } from './boardDoc';
import { boardOrder } from './readModels';
import type { BoardNode } from './types';
import type { Lang, Localized } from './vocabulary';
import { contrastRatio } from './contrast';

export interface SdgGoal {
  number: number;
  name: Localized;
  /** Official background colour. */
  colour: string;
}

const g = (number: number, colour: string, nb: string, nn: string, en: string): SdgGoal => ({ number, colour, name: { nb, nn, en } });

export const SDG_GOALS: readonly SdgGoal[] = [
  g(1, '#E5243B', 'Utrydde fattigdom', 'Utrydde fattigdom', 'No poverty'),
  g(2, '#DDA63A', 'Utrydde sult', 'Utrydde svolt', 'Zero hunger'),
  g(3, '#4C9F38', 'God helse og livskvalitet', 'God helse og livskvalitet', 'Good health and well-being'),
  g(4, '#C5192D', 'God utdanning', 'God utdanning', 'Quality education'),
  g(5, '#FF3A21', 'Likestilling mellom kjønnene', 'Likestilling mellom kjønna', 'Gender equality'),
  g(6, '#26BDE2', 'Rent vann og gode sanitærforhold', 'Reint vatn og gode sanitærforhold', 'Clean water and sanitation'),
  g(7, '#FCC30B', 'Ren energi til alle', 'Rein energi til alle', 'Affordable and clean energy'),
  g(8, '#A21942', 'Anstendig arbeid og økonomisk vekst', 'Anstendig arbeid og økonomisk vekst', 'Decent work and economic growth'),
  g(9, '#FD6925', 'Innovasjon og infrastruktur', 'Innovasjon og infrastruktur', 'Industry, innovation and infrastructure'),
  g(10, '#DD1367', 'Mindre ulikhet', 'Mindre ulikskap', 'Reduced inequalities'),
  g(11, '#FD9D24', 'Bærekraftige byer og lokalsamfunn', 'Berekraftige byar og lokalsamfunn', 'Sustainable cities and communities'),
  g(12, '#BF8B2E', 'Ansvarlig forbruk og produksjon', 'Ansvarleg forbruk og produksjon', 'Responsible consumption and production'),
  g(13, '#3F7E44', 'Stoppe klimaendringene', 'Stoppe klimaendringane', 'Climate action'),
  g(14, '#0A97D9', 'Livet i havet', 'Livet i havet', 'Life below water'),
  g(15, '#56C02B', 'Livet på land', 'Livet på land', 'Life on land'),
  g(16, '#00689D', 'Fred, rettferdighet og velfungerende institusjoner', 'Fred, rettferd og velfungerande institusjonar', 'Peace, justice and strong institutions'),
  g(17, '#19486A', 'Samarbeid for å nå målene', 'Samarbeid for å nå måla', 'Partnerships for the goals'),
];

/** The goal a code belongs to: "8.5" and "8" both give goal 8; an unknown code gives undefined. */
export function sdgGoalOf(code: string): SdgGoal | undefined {
  const n = Number(/^(\d{1,2})(?:\.|$)/.exec(code.trim())?.[1]);
  return SDG_GOALS[n - 1];
}

export function sdgName(code: string, lang: Lang): string | undefined {
  return sdgGoalOf(code)?.name[lang];
}

/** Black or white, whichever reads better (higher WCAG contrast) on the goal's colour. */
export function sdgTextColour(colour: string): '#000000' | '#ffffff' {
  return contrastRatio(colour, '#000000') >= contrastRatio(colour, '#ffffff') ? '#000000' : '#ffffff';
}

/** Goals matching a search by number ("8", "8.5") or by name in any language, in number order. */
export function searchSdg(query: string): SdgGoal[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...SDG_GOALS];
  const byNumber = sdgGoalOf(q);
  if (/^\d/.test(q)) return byNumber ? [byNumber] : [];
  return SDG_GOALS.filter((s) => Object.values(s.name).some((n) => n.toLowerCase().includes(q)));
}

export interface SdgCoverageRow {
  goal: SdgGoal;
  /** Cards that support the goal, in board order, each with the codes it gives ("8.5"). */
  cards: { node: BoardNode; codes: string[] }[];
}

/** Which cards support which SDG: one row per goal that any card names, in goal order. */
export function sdgCoverage(graph: BoardGraph): SdgCoverageRow[] {
  const rows = new Map<number, SdgCoverageRow>();
  for (const node of [...graph.nodes.values()].sort(boardOrder)) {
    const byGoal = new Map<number, string[]>();
    for (const code of node.sdg ?? []) {
      const goal = sdgGoalOf(code);
      if (!goal) continue;
      byGoal.set(goal.number, [...(byGoal.get(goal.number) ?? []), code]);
    }
    for (const [n, codes] of byGoal) {
      let row = rows.get(n);
      if (!row) rows.set(n, (row = { goal: SDG_GOALS[n - 1]!, cards: [] }));
      row.cards.push({ node, codes });
    }
  }
  return [...rows.values()].sort((a, b) => a.goal.number - b.goal.number);
}
