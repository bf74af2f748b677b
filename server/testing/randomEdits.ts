// Random edits through shared/'s operations, as a workshop participant would make them.
import type * as Y from 'yjs';
import { NODE_KINDS, TIERS, boardMaps, createNode, deleteNodes, link, moveNodes, updateNode, EDGE_KINDS, setMeta } from '../../shared';

export function randomEdit(doc: Y.Doc, rand: () => number, origin: unknown): void {
  const maps = boardMaps(doc);
  const ids = [...maps.nodes.keys()];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const r = rand();
  if (r < 0.3 || ids.length < 3) {
    const kind = pick(NODE_KINDS.filter((k) => k !== 'note'));
    createNode(doc, { kind, tier: pick(TIERS), title: `Kort ${Math.floor(rand() * 1e6)}`, position: { x: Math.round(rand() * 2000), y: Math.round(rand() * 1200) } }, origin);
  } else if (r < 0.5) {
    updateNode(doc, pick(ids), { title: `Tittel ${Math.floor(rand() * 1e6)}`, description: `Beskrivelse ${Math.floor(rand() * 100)}` }, origin);
  } else if (r < 0.7) {
    moveNodes(doc, { [pick(ids)]: { x: Math.round(rand() * 2000), y: Math.round(rand() * 1200) } }, origin);
  } else if (r < 0.9) {
    link(doc, { kind: pick(EDGE_KINDS), source: pick(ids), target: pick(ids) }, origin);
  } else if (r < 0.97) {
    deleteNodes(doc, [pick(ids)], origin);
  } else {
    setMeta(doc, { title: `Tavle ${Math.floor(rand() * 1000)}` }, origin);
  }
}
