// Test support: a generated board of n goals with descriptions and links, large enough that its
// DOCX and PNG take a noticeable time to render (500 goals: about a second).
import type { BoardJson, BoardNode } from '../../../shared';
import type { Tier } from '../../../shared';

const COLS = 25;
const TIERS: readonly Tier[] = ['national', 'kommuneplan', 'nav_local'];
const OWNER = { national: 'stat', kommuneplan: 'kommune', nav_local: 'felles' } as const;

export function largeBoard(n: number, title = `Stort kart med ${n} mål`): BoardJson {
  const rows = Math.ceil(n / COLS);
  const nodes: BoardNode[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / COLS);
    const tier = TIERS[Math.min(2, Math.floor((row * 3) / rows))]!;
    nodes.push({
      id: `g${i}`, kind: 'goal', tier, owner: OWNER[tier], level: 'delmål', status: 'utkast',
      title: `Mål ${i}: flere i arbeid og aktivitet i bydel ${row}`,
      description: `Mål ${i} skal gi flere unge og voksne en vei inn i arbeidslivet gjennom tett oppfølging, ` +
        'samarbeid med arbeidsgivere og kvalifisering tilpasset den enkelte.',
      position: { x: (i % COLS) * 300, y: row * 160 },
    });
  }
  // Each goal is part of one earlier goal nearby, so the chapter has a deep numbered tree.
  const edges = nodes.slice(1).map((node, k) => {
    const i = k + 1;
    return { id: `e${i}`, kind: 'partOf' as const, source: node.id, target: `g${Math.max(0, i - 1 - (i % 3))}` };
  });
  return { format: 'malkart.board', version: 1, meta: { title, municipality: 'Lier', language: 'nb' }, nodes, edges };
}
