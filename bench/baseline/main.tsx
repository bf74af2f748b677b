// Plain React Flow, the browser bench's baseline (#19 §1): the same generated board as
// bench/browser.ts opens in Målkart, drawn as memoised custom nodes with nothing else — no Y.Doc,
// no sync, no decorations. `?visible=1` turns on onlyRenderVisibleElements (as Målkart does).
// The page reads /board.json (the interchange JSON) and sets window.__baselineReady when drawn.
import { memo, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Handle, Position, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

type CardData = { title: string; kind: string; tier: string };
type Card = Node<CardData, 'card'>;
type BoardJson = { nodes: { id: string; kind: string; tier: string; title: string; position: { x: number; y: number } }[]; edges: { id: string; source: string; target: string }[] };

const CardNode = memo(function CardNode({ data }: NodeProps<Card>) {
  return (
    <div className="card">
      <Handle type="target" position={Position.Top} />
      <div className="kind">{data.kind} · {data.tier}</div>
      <div className="title">{data.title}</div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});
const nodeTypes = { card: CardNode };
const onlyVisible = new URLSearchParams(location.search).get('visible') === '1';

function Flow({ nodes, edges }: { nodes: Card[]; edges: Edge[] }) {
  const rf = useReactFlow();
  useEffect(() => {
    // As Målkart opens a large board: its top-left 40 cards at a working zoom.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const first = [...nodes].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x).slice(0, 40);
        void rf.fitView({ nodes: first.map((n) => ({ id: n.id })), padding: 0.1, minZoom: 0.5, maxZoom: 1 });
        (window as unknown as { __baselineReady: number }).__baselineReady = nodes.length;
      }),
    );
  }, [nodes, rf]);
  return <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} onlyRenderVisibleElements={onlyVisible} minZoom={0.05} />;
}

function App() {
  const [board, setBoard] = useState<{ nodes: Card[]; edges: Edge[] } | null>(null);
  useEffect(() => {
    void fetch('/board.json')
      .then((r) => r.json() as Promise<BoardJson>)
      .then((b) =>
        setBoard({
          nodes: b.nodes.map((n) => ({ id: n.id, type: 'card', position: n.position, data: { title: n.title, kind: n.kind, tier: n.tier } })),
          edges: b.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
        }),
      );
  }, []);
  if (!board) return null;
  return (
    <ReactFlowProvider>
      <Flow nodes={board.nodes} edges={board.edges} />
    </ReactFlowProvider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
