// The outline view's structure, pure: cards grouped by band and nested by «delmål av» (partOf),
// flattened to the rows a tree shows given which rows are collapsed. Rows carry what the WAI-ARIA
// tree pattern needs (level, position in set, set size, parent) so the view can render any window
// of them (virtualised) and still tell a screen reader where each item sits.
import { TIERS, isOneOf, type BoardEdge, type BoardNode, type Tier } from '../../shared';

export interface OutlineTree {
  /** Top-level card ids of each band, in reading order. */
  roots: Record<Tier, string[]>;
  children: Map<string, string[]>;
  /** The card a card is nested under (its partOf parent in the same band). */
  parent: Map<string, string>;
  tierOf: Map<string, Tier>;
}

export interface OutlineRow {
  /** `band:<tier>` for a band, else the card id. */
  key: string;
  kind: 'band' | 'card';
  tier: Tier;
  level: number;
  posinset: number;
  setsize: number;
  /** The row key of the parent row (a band or a card); none for bands. */
  parentKey: string | null;
  hasChildren: boolean;
  expanded: boolean;
}

export const bandKey = (tier: Tier) => `band:${tier}`;
export const isBandKey = (key: string) => key.startsWith('band:');

const tierOf = (c: BoardNode): Tier => (isOneOf(TIERS, c.tier) ? c.tier : 'national');

/** Reading order on the canvas: top to bottom, then left to right, then id (stable across replicas). */
function byPosition(a: BoardNode, b: BoardNode): number {
  return a.position.y - b.position.y || a.position.x - b.position.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function buildOutline(cards: Iterable<BoardNode>, links: Iterable<BoardEdge>): OutlineTree {
  const all = new Map<string, BoardNode>();
  for (const c of cards) all.set(c.id, c);
  const parent = new Map<string, string>();
  // One parent per card: the first partOf link by id, to a card in the same band, that makes no cycle.
  const partOf = [...links].filter((l) => l.kind === 'partOf').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const l of partOf) {
    const child = all.get(l.source);
    const par = all.get(l.target);
    if (!child || !par || parent.has(child.id) || child.id === par.id || tierOf(child) !== tierOf(par)) continue;
    let up: string | undefined = par.id;
    let cycle = false;
    while (up) {
      if (up === child.id) {
        cycle = true;
        break;
      }
      up = parent.get(up);
    }
    if (!cycle) parent.set(child.id, par.id);
  }
  const roots = Object.fromEntries(TIERS.map((t) => [t, [] as BoardNode[]])) as Record<Tier, BoardNode[]>;
  const kids = new Map<string, BoardNode[]>();
  const tiers = new Map<string, Tier>();
  for (const c of all.values()) {
    tiers.set(c.id, tierOf(c));
    const p = parent.get(c.id);
    if (p) {
      let list = kids.get(p);
      if (!list) kids.set(p, (list = []));
      list.push(c);
    } else roots[tierOf(c)].push(c);
  }
  const ids = (list: BoardNode[]) => list.sort(byPosition).map((c) => c.id);
  const children = new Map<string, string[]>();
  for (const [p, list] of kids) children.set(p, ids(list));
  return {
    roots: Object.fromEntries(TIERS.map((t) => [t, ids(roots[t])])) as Record<Tier, string[]>,
    children,
    parent,
    tierOf: tiers,
  };
}

/** The visible rows, depth first; a collapsed row hides everything below it. */
export function flattenOutline(tree: OutlineTree, collapsed: ReadonlySet<string>): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const walk = (ids: string[], level: number, parentKey: string, tier: Tier) => {
    ids.forEach((id, i) => {
      const kids = tree.children.get(id) ?? [];
      const expanded = kids.length > 0 && !collapsed.has(id);
      rows.push({ key: id, kind: 'card', tier, level, posinset: i + 1, setsize: ids.length, parentKey, hasChildren: kids.length > 0, expanded });
      if (expanded) walk(kids, level + 1, id, tier);
    });
  };
  TIERS.forEach((tier, i) => {
    const key = bandKey(tier);
    const roots = tree.roots[tier];
    const expanded = roots.length > 0 && !collapsed.has(key);
    rows.push({ key, kind: 'band', tier, level: 1, posinset: i + 1, setsize: TIERS.length, parentKey: null, hasChildren: roots.length > 0, expanded });
    if (expanded) walk(roots, 2, key, tier);
  });
  return rows;
}

/** Row keys to expand so a card's row is visible: its band and every card above it. */
export function ancestorsOf(tree: OutlineTree, id: string): string[] {
  const out: string[] = [];
  let up = tree.parent.get(id);
  while (up) {
    out.push(up);
    up = tree.parent.get(up);
  }
  const tier = tree.tierOf.get(id);
  if (tier) out.push(bandKey(tier));
  return out;
}

/** Type-ahead: the next row after `from` (wrapping) whose label starts with `prefix`. */
export function typeAhead(rows: readonly OutlineRow[], labels: (row: OutlineRow) => string, from: number, prefix: string): number {
  const p = prefix.toLocaleLowerCase('nb');
  // A repeated single letter cycles through matches; a longer prefix may match the current row.
  const start = prefix.length > 1 ? from : from + 1;
  for (let k = 0; k < rows.length; k++) {
    const i = (start + k) % rows.length;
    if (labels(rows[i]!).toLocaleLowerCase('nb').startsWith(p)) return i;
  }
  return -1;
}
