// A rød tråd as the lines the panel and the outline list: above the card (the furthest first), the
// card, below it level by level; each line with the links that reached it and the breaks it has.
import type { EdgeKind, RedThread, ThreadBreakKind } from '../../shared';

export interface ThreadLine {
  id: string;
  title: string;
  kind: string;
  /** Steps from the chosen card: negative above, positive below. */
  depth: number;
  /** The kinds of the links that reached this card, each once. */
  via: EdgeKind[];
  breaks: ThreadBreakKind[];
}

export interface ThreadSections {
  above: ThreadLine[];
  start: ThreadLine;
  below: ThreadLine[];
}

export function threadSections(thread: RedThread): ThreadSections {
  const breaks = new Map<string, ThreadBreakKind[]>();
  for (const b of thread.breaks) breaks.set(b.node.id, [...(breaks.get(b.node.id) ?? []), b.kind]);
  const lines = thread.path.map<ThreadLine>((s) => ({
    id: s.node.id,
    title: s.node.title,
    kind: s.node.kind,
    depth: s.depth,
    via: [...new Set(s.via.map((e) => e.kind))],
    breaks: breaks.get(s.node.id) ?? [],
  }));
  return {
    above: lines.filter((l) => l.depth < 0),
    start: lines.find((l) => l.depth === 0)!,
    below: lines.filter((l) => l.depth > 0),
  };
}
