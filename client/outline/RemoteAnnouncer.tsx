// Tells a screen reader, politely and without touching focus, what others do: «Kari la til målet
// «…»», a deletion, a new link. Only changes that arrive from others count (this tab's own edits
// are local transactions). Announcements are throttled: at most one every THROTTLE_MS, and a
// burst (a paste, an auto-layout, a restore) is summed up in one sentence.
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { isOneOf, NODE_KINDS, readNodeFields, type YNode } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from '../board/BoardContext';
import { edgeKindLabel } from '../board/nodes/ariaNames';
import { KIND_DEFINITE } from './strings';

const THROTTLE_MS = 2000;
const MAX_LISTED = 2;

/** The clientID that wrote a map entry: its name is in awareness while that person is here. */
function writerOf(map: Y.Map<unknown>, key: string): number | null {
  const item = (map as unknown as { _map: Map<string, { id: { client: number } }> })._map.get(key);
  return item ? item.id.client : null;
}

export function RemoteAnnouncer() {
  const { t, pick } = useI18n();
  const { store, presence } = useBoardContext();
  const [text, setText] = useState('');
  const queue = useRef<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);
  const say = useRef({ t, pick });
  say.current = { t, pick };

  useEffect(() => {
    const { nodes, edges } = store.maps;
    const nameOf = (client: number | null) => {
      const { t } = say.current;
      if (client === null) return t('annSomeone');
      return presence.peers().find((p) => p.clientId === client && !p.self)?.name || t('annSomeone');
    };
    const flush = () => {
      timer.current = null;
      const items = queue.current;
      queue.current = [];
      if (!items.length) return;
      last.current = Date.now();
      const msg = items.length > MAX_LISTED ? say.current.t('annMany', { n: items.length }) : items.join('. ');
      // The same sentence twice is still read twice: the region's text must change.
      setText((prev) => (prev === msg ? `${msg}\u00a0` : msg));
    };
    const push = (msg: string) => {
      queue.current.push(msg);
      if (timer.current) return;
      const wait = Math.max(300, THROTTLE_MS - (Date.now() - last.current));
      timer.current = setTimeout(flush, wait);
    };
    const title = (id: string) => store.card(id)?.title || say.current.t('untitledCard');
    const onNodes = (ev: Y.YMapEvent<YNode>, tr: Y.Transaction) => {
      if (tr.local) return;
      const { t, pick } = say.current;
      ev.changes.keys.forEach((change, id) => {
        if (change.action === 'add') {
          const y = nodes.get(id);
          const fields = y ? readNodeFields(y as YNode) : null;
          const kind = fields?.kind;
          const name = fields?.title ?? '';
          const thing = isOneOf(NODE_KINDS, kind) ? pick(KIND_DEFINITE[kind]) : pick(KIND_DEFINITE.note);
          push(t('annAdded', { name: nameOf(writerOf(nodes as Y.Map<unknown>, id)), thing, title: name || t('untitledCard') }));
        } else if (change.action === 'delete') push(t('annDeleted', { title: title(id) }));
      });
    };
    const onEdges = (ev: Y.YMapEvent<YNode>, tr: Y.Transaction) => {
      if (tr.local) return;
      const { t, pick } = say.current;
      ev.changes.keys.forEach((change, id) => {
        if (change.action !== 'add') return;
        const y = edges.get(id);
        if (!y) return;
        push(
          t('annLinked', {
            name: nameOf(writerOf(edges as Y.Map<unknown>, id)),
            source: title(String(y.get('source'))),
            target: title(String(y.get('target'))),
            kind: edgeKindLabel(pick, y.get('kind')),
          }),
        );
      });
    };
    nodes.observe(onNodes);
    edges.observe(onEdges);
    return () => {
      nodes.unobserve(onNodes);
      edges.unobserve(onEdges);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [store, presence]);

  return (
    <div className="mk-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="remote-announcer">
      {text}
    </div>
  );
}
