// «Listevisning»: the whole live board as a WAI-ARIA tree — bands, then cards nested by «delmål
// av» — that a keyboard and a screen reader can read and edit. Focus stays on the tree element
// (aria-activedescendant), so others' changes re-render rows without ever moving it; only rows
// near the scroll position are in the page (2,000 cards stay quick), the active one always is.
// The active card is the canvas's selection and follows it.
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { TIER_LABELS, isAgreeableKind, type BoardEdge, type BoardNode, type Tier } from '../../shared';
import { useI18n } from '../i18n/I18nProvider';
import { useBoardContext } from '../board/BoardContext';
import { WorkshopCoreContext } from '../workshop/WorkshopContext';
import type { CardMarks } from '../workshop/workshopStore';
import { agreementText, cardName, edgeKindLabel, kindLabel, ownerLabel } from '../board/nodes/ariaNames';
import { ConfirmDelete } from '../board/ConfirmDelete';
import { ancestorsOf, bandKey, buildOutline, flattenOutline, isBandKey, typeAhead, type OutlineRow } from './outlineModel';
import { CardDialog, CommentDialog, LinkDialog, type CardDialogMode } from './OutlineDialogs';
import { useRedThread } from '../redThread/RedThreadContext';
import { RedThreadButton } from '../redThread/RedThreadButton';
import { RedThreadPath } from '../redThread/RedThreadPath';
import './outline.css';

/** Row height in px: every row has room for its line and its links, so windowing is arithmetic. */
export const ROW_HEIGHT = 52;
const OVERSCAN = 10;
const NO_MARKS: CardMarks = { openThreads: 0 };
const noSub = () => () => undefined;

const domId = (key: string) => `mk-ol-${key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0)}`)}`;

type Dialog = { type: 'card'; mode: CardDialogMode } | { type: 'link'; id: string } | { type: 'comment'; id: string } | { type: 'delete'; id: string; links: number } | null;

export function OutlineView({ only, setOnly, onClose }: { only: boolean; setOnly(on: boolean): void; onClose(): void }) {
  const { t, pick, lang } = useI18n();
  const { store, actions, readOnly } = useBoardContext();
  const core = useContext(WorkshopCoreContext);
  const redThread = useRedThread();
  const thread = redThread?.thread ?? null;
  const ws = core?.ws;
  const version = useSyncExternalStore(store.subscribeGraph, store.getGraphVersion);
  const wsVersion = useSyncExternalStore(ws ? ws.subscribe : noSub, ws ? ws.getVersion : () => 0);
  const nodes = useSyncExternalStore(store.subscribe, store.getNodes);

  const tree = useMemo(() => buildOutline(store.allCards(), store.allLinks()), [store, version]);
  const linksOf = useMemo(() => {
    const out = new Map<string, { edge: BoardEdge; outgoing: boolean }[]>();
    const add = (id: string, v: { edge: BoardEdge; outgoing: boolean }) => {
      let l = out.get(id);
      if (!l) out.set(id, (l = []));
      l.push(v);
    };
    for (const e of store.allLinks()) {
      add(e.source, { edge: e, outgoing: true });
      add(e.target, { edge: e, outgoing: false });
    }
    return out;
  }, [store, version]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => flattenOutline(tree, collapsed), [tree, collapsed]);
  const selectedIds = useMemo(() => nodes.filter((n) => n.selected).map((n) => n.id), [nodes]);

  const [activeKey, setActiveKey] = useState<string>(bandKey('national'));
  const lastIndex = useRef(0);
  let activeIndex = rows.findIndex((r) => r.key === activeKey);
  // The active card was deleted (by anyone) or folded away: the row now at its place takes over.
  if (activeIndex < 0) activeIndex = Math.min(lastIndex.current, rows.length - 1);
  lastIndex.current = activeIndex;
  const active = rows[activeIndex];
  useEffect(() => {
    if (active && active.key !== activeKey) setActiveKey(active.key);
  }, [active, activeKey]);

  // ---- windowing ----
  const treeRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  useLayoutEffect(() => {
    const el = treeRef.current;
    if (!el) return;
    setHeight(el.clientHeight || 600);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const pendingScroll = useRef<string | null>(null);
  const scrollToIndex = useCallback(
    (i: number) => {
      const el = treeRef.current;
      if (!el || i < 0) return;
      const top = i * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      setScrollTop(el.scrollTop);
    },
    [],
  );
  useLayoutEffect(() => {
    if (!pendingScroll.current) return;
    const i = rows.findIndex((r) => r.key === pendingScroll.current);
    pendingScroll.current = null;
    scrollToIndex(i);
  }, [rows, activeKey, scrollToIndex]);

  /** Moves the active row (the user did): it becomes the canvas's selection. */
  const activate = useCallback(
    (key: string) => {
      setActiveKey(key);
      pendingScroll.current = key;
      if (isBandKey(key)) store.select([]);
      else store.select([key]);
    },
    [store],
  );

  // The canvas selected one card: show it here (its band and parents unfolded).
  useEffect(() => {
    if (selectedIds.length !== 1) return;
    const id = selectedIds[0]!;
    if (id === activeKey || !tree.tierOf.has(id)) return;
    const up = ancestorsOf(tree, id);
    setCollapsed((c) => (up.some((k) => c.has(k)) ? new Set([...c].filter((k) => !up.includes(k))) : c));
    setActiveKey(id);
    pendingScroll.current = id;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedIds, tree]);

  const card = (key: string): BoardNode | undefined => (isBandKey(key) ? undefined : store.card(key));
  const marksOf = (id: string) => ws?.cardMarks(id) ?? NO_MARKS;
  const label = (row: OutlineRow) => (row.kind === 'band' ? pick(TIER_LABELS[row.tier]) : card(row.key)?.title || t('untitledCard'));
  const rowName = (row: OutlineRow) => {
    if (row.kind === 'band') {
      const n = tree.roots[row.tier].length;
      return `${pick(TIER_LABELS[row.tier])}, ${n ? t('olCards', { n: countIn(row.tier) }) : t('olEmptyBand')}`;
    }
    const c = card(row.key);
    if (!c) return '';
    const name = cardName(t, pick, c, marksOf(c.id), lang);
    return thread?.nodeIds.has(c.id) ? `${name} ${t('rtOnThread')}.` : name;
  };
  const countIn = (tier: Tier) => {
    let n = 0;
    for (const v of tree.tierOf.values()) if (v === tier) n++;
    return n;
  };
  const linkTexts = (id: string): string[] =>
    (linksOf.get(id) ?? []).map(({ edge, outgoing }) => {
      const other = store.card(outgoing ? edge.target : edge.source);
      const title = other ? other.title || t('untitledCard') : t('wsOrphan');
      return outgoing ? `${edgeKindLabel(pick, edge.kind)}: ${title}` : t('olLinkIn', { title, kind: edgeKindLabel(pick, edge.kind) });
    });

  // ---- editing ----
  const [dialog, setDialog] = useState<Dialog>(null);
  const me = core?.me;
  // «Enig» is given by the server for the side the link is bound to (#16), so only online.
  const boundSide = core?.boundSide;
  const canAgree = (c: BoardNode | undefined) => !!c && !readOnly && !!core?.online && isAgreeableKind(c.kind) && !!boundSide && !marksOf(c.id).agreement?.[boundSide];
  const newIn = (row: OutlineRow | undefined, where: 'child' | 'sibling') => {
    if (!row || readOnly) return;
    if (row.kind === 'band') return setDialog({ type: 'card', mode: { type: 'new', tier: row.tier, parentId: null, after: null } });
    const c = card(row.key);
    if (!c) return;
    if (where === 'child') setDialog({ type: 'card', mode: { type: 'new', tier: row.tier, parentId: c.id, after: null } });
    else setDialog({ type: 'card', mode: { type: 'new', tier: row.tier, parentId: tree.parent.get(c.id) ?? null, after: c.id } });
  };
  const edit = (row: OutlineRow | undefined) => {
    if (!row || readOnly) return;
    if (row.kind === 'band') return newIn(row, 'child');
    setDialog({ type: 'card', mode: { type: 'edit', id: row.key } });
  };
  const remove = (row: OutlineRow | undefined) => {
    if (!row || row.kind === 'band' || readOnly) return;
    const links = actions.linkCount([row.key]);
    if (links > 0) setDialog({ type: 'delete', id: row.key, links });
    else actions.deleteCards([row.key]);
  };

  // ---- the tree pattern ----
  const typed = useRef({ text: '', at: 0 });
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!active) return;
    const go = (i: number) => {
      const r = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (r) activate(r.key);
    };
    const setFold = (key: string, fold: boolean) =>
      setCollapsed((c) => {
        const n = new Set(c);
        if (fold) n.add(key);
        else n.delete(key);
        return n;
      });
    const k = e.key;
    let handled = true;
    if (k === 'ArrowDown') go(activeIndex + 1);
    else if (k === 'ArrowUp') go(activeIndex - 1);
    else if (k === 'Home') go(0);
    else if (k === 'End') go(rows.length - 1);
    else if (k === 'ArrowRight') {
      if (active.hasChildren && !active.expanded) setFold(active.key, false);
      else if (active.expanded) go(activeIndex + 1);
    } else if (k === 'ArrowLeft') {
      if (active.expanded) setFold(active.key, true);
      else if (active.parentKey) activate(active.parentKey);
    } else if (k === '*') {
      // Expand every sibling of the active row.
      const sibs = rows.filter((r) => r.parentKey === active.parentKey && r.hasChildren).map((r) => r.key);
      setCollapsed((c) => new Set([...c].filter((x) => !sibs.includes(x))));
    } else if (k === 'Enter' && (e.ctrlKey || e.metaKey)) newIn(active, 'child');
    else if (k === 'Enter' && e.shiftKey) newIn(active, 'sibling');
    else if (k === 'Enter' || k === 'F2') edit(active);
    else if (k === 'Delete') remove(active);
    else if (k.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && (k !== ' ' || (typed.current.text && e.timeStamp - typed.current.at < 700))) {
      // Type-ahead; a space counts only inside a word being typed («flere u»).
      const now = e.timeStamp;
      typed.current = { text: now - typed.current.at < 700 ? typed.current.text + k : k, at: now };
      const i = typeAhead(rows, label, activeIndex, typed.current.text);
      if (i >= 0) go(i);
    } else handled = false;
    if (handled) {
      e.preventDefault();
      // The board's own shortcuts (Delete, arrows, letters) must not act on the canvas as well.
      e.stopPropagation();
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const shown: number[] = [];
  for (let i = first; i <= last; i++) shown.push(i);
  if (activeIndex >= 0 && (activeIndex < first || activeIndex > last)) shown.push(activeIndex);
  const selected = new Set(selectedIds);
  void wsVersion;

  const activeCard = active ? card(active.key) : undefined;
  const headingId = 'mk-outline-h';
  return (
    <section className={`mk-outline${only ? ' is-only' : ''}`} aria-labelledby={headingId} data-testid="outline">
      <div className="mk-outline-head">
        <h2 id={headingId}>{t('outline')}</h2>
        <button type="button" className={`mk-btn mk-btn-small${only ? ' is-active' : ''}`} aria-pressed={only} onClick={() => setOnly(!only)}>
          {t('outlineOnly')}
        </button>
        <button type="button" className="mk-btn mk-btn-ghost mk-btn-small" onClick={onClose} aria-label={t('close')}>
          ✕
        </button>
      </div>
      <p className="mk-outline-help" id="mk-outline-help">
        {t('outlineHelp')}
      </p>
      {!readOnly && (
        <div className="mk-outline-actions" role="group" aria-label={t('outlineActions')}>
          {active?.kind === 'band' ? (
            <button type="button" className="mk-btn mk-btn-small" onClick={() => newIn(active, 'child')} data-testid="ol-add-band">
              {t('olAddInBand', { band: pick(TIER_LABELS[active.tier]) })}
            </button>
          ) : (
            <>
              <button type="button" className="mk-btn mk-btn-small" disabled={!activeCard} onClick={() => newIn(active, 'child')} aria-keyshortcuts="Control+Enter" data-testid="ol-add-child">
                {t('olAddChild')}
              </button>
              <button type="button" className="mk-btn mk-btn-small" disabled={!activeCard} onClick={() => newIn(active, 'sibling')} aria-keyshortcuts="Shift+Enter" data-testid="ol-add-sibling">
                {t('olAddSibling')}
              </button>
              <button type="button" className="mk-btn mk-btn-small" disabled={!activeCard} onClick={() => edit(active)} aria-keyshortcuts="Enter F2" data-testid="ol-edit">
                {t('olEdit')}
              </button>
              <button type="button" className="mk-btn mk-btn-small" disabled={!activeCard} onClick={() => activeCard && setDialog({ type: 'link', id: activeCard.id })} data-testid="ol-link">
                {t('olLink')}
              </button>
              {core && (
                <button
                  type="button"
                  className="mk-btn mk-btn-small"
                  disabled={!canAgree(activeCard)}
                  title={!boundSide ? t('wsAgreeNeedsSideLink') : !core.online ? t('wsOfflineReason') : undefined}
                  onClick={() => activeCard && void core.wa.agree(activeCard.id)}
                  data-testid="ol-agree"
                >
                  {t('wsAgree')}
                </button>
              )}
              {core && (
                <button type="button" className="mk-btn mk-btn-small" disabled={!activeCard} onClick={() => activeCard && setDialog({ type: 'comment', id: activeCard.id })} data-testid="ol-comment">
                  {t('olComment')}
                </button>
              )}
              <button type="button" className="mk-btn mk-btn-small mk-btn-danger" disabled={!activeCard} onClick={() => remove(active)} aria-keyshortcuts="Delete" data-testid="ol-delete">
                {t('deleteCard')}
              </button>
            </>
          )}
        </div>
      )}
      {activeCard && (
        <div className="mk-row mk-ol-rt-actions">
          <RedThreadButton cardId={activeCard.id} shortcut={false} testId="ol-red-thread" />
        </div>
      )}
      {thread && (
        <section className="mk-ol-rt" aria-labelledby="mk-ol-rt-h" data-testid="outline-red-thread">
          <div className="mk-rt-head">
            <h3 id="mk-ol-rt-h">{t('rtFor', { title: thread.start.title || t('untitledCard') })}</h3>
            <button type="button" className="mk-btn mk-btn-ghost mk-btn-small" onClick={() => { redThread?.hide(); treeRef.current?.focus(); }} aria-label={t('rtHide')}>
              ✕
            </button>
          </div>
          <RedThreadPath
            thread={thread}
            idPrefix="rt-ol"
            onJump={(id) => {
              // Unfold the card's parents, make it the active row and give the tree focus.
              const up = ancestorsOf(tree, id);
              setCollapsed((c) => new Set([...c].filter((k) => !up.includes(k))));
              activate(id);
              treeRef.current?.focus();
            }}
          />
        </section>
      )}
      <div
        ref={treeRef}
        className="mk-ol-tree"
        role="tree"
        tabIndex={0}
        aria-label={t('outlineTree')}
        aria-describedby="mk-outline-help"
        aria-activedescendant={active ? domId(active.key) : undefined}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="outline-tree"
      >
        <div role="none" className="mk-ol-sizer" style={{ height: rows.length * ROW_HEIGHT }}>
          {shown.map((i) => {
            const row = rows[i]!;
            const c = card(row.key);
            const isActive = i === activeIndex;
            const links = c ? linkTexts(c.id) : [];
            const marks = c ? marksOf(c.id) : NO_MARKS;
            const agreement = c ? agreementText(t, c, marks) : null;
            return (
              <div
                key={row.key}
                id={domId(row.key)}
                role="treeitem"
                aria-level={row.level}
                aria-setsize={row.setsize}
                aria-posinset={row.posinset}
                aria-expanded={row.hasChildren ? row.expanded : undefined}
                aria-selected={row.kind === 'card' ? selected.has(row.key) : undefined}
                aria-describedby={links.length ? `${domId(row.key)}-links` : undefined}
                className={`mk-ol-row mk-ol-${row.kind}${isActive ? ' is-active' : ''}${selected.has(row.key) ? ' is-selected' : ''}${thread && row.kind === 'card' ? (thread.nodeIds.has(row.key) ? ' is-thread-on' : ' is-thread-dim') : ''}`}
                style={{ top: i * ROW_HEIGHT, height: ROW_HEIGHT, paddingLeft: 8 + (row.level - 1) * 18 }}
                data-key={row.key}
                onMouseDown={(e) => {
                  e.preventDefault();
                  treeRef.current?.focus({ preventScroll: true });
                  activate(row.key);
                }}
                onDoubleClick={() => edit(row)}
              >
                {/* The item's name is this sentence (name from content); what is drawn is hidden from
                    screen readers, it says the same in fewer words. */}
                <span className="mk-visually-hidden" data-name>
                  {rowName(row)}
                </span>
                <span className="mk-ol-line" aria-hidden="true">
                  <span
                    className="mk-ol-twisty"
                    aria-hidden="true"
                    onMouseDown={(e) => {
                      if (!row.hasChildren) return;
                      e.stopPropagation();
                      e.preventDefault();
                      treeRef.current?.focus({ preventScroll: true });
                      setActiveKey(row.key);
                      setCollapsed((s) => {
                        const n = new Set(s);
                        if (row.expanded) n.add(row.key);
                        else n.delete(row.key);
                        return n;
                      });
                    }}
                  >
                    {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
                  </span>
                  {row.kind === 'band' ? (
                    <span className="mk-ol-band-name">
                      {pick(TIER_LABELS[row.tier])} <span className="mk-ol-muted">({countIn(row.tier) || t('olEmptyBand')})</span>
                    </span>
                  ) : c ? (
                    <span className="mk-ol-card">
                      <span className={`mk-ol-kind mk-owner-${c.owner}`}>{kindLabel(pick, c.kind)}</span>
                      <span className="mk-ol-title">{c.title || t('untitledCard')}</span>
                      <span className="mk-ol-muted">{ownerLabel(pick, c.owner)}</span>
                      {agreement && <span className={`mk-ol-agree mk-ol-agree-${marks.agreement?.state ?? 'open'}`}>{agreement}</span>}
                      {marks.openThreads > 0 && <span className="mk-ol-muted">✉ {marks.openThreads}</span>}
                    </span>
                  ) : null}
                </span>
                {links.length > 0 && (
                  // Read as the item's description (aria-describedby), not as part of its name.
                  <span className="mk-ol-links" id={`${domId(row.key)}-links`} aria-hidden="true">
                    {links.join(' · ')}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {dialog?.type === 'card' && (
        <CardDialog
          mode={dialog.mode}
          tree={tree}
          onDone={(id) => {
            setDialog(null);
            if (id) {
              store.flush();
              const up = ancestorsOf(buildOutline(store.allCards(), store.allLinks()), id);
              setCollapsed((c) => new Set([...c].filter((k) => !up.includes(k))));
              activate(id);
            }
          }}
        />
      )}
      {dialog?.type === 'link' && <LinkDialog source={dialog.id} onDone={() => setDialog(null)} />}
      {dialog?.type === 'comment' && core && <CommentDialog id={dialog.id} onDone={() => setDialog(null)} />}
      {dialog?.type === 'delete' && (
        <ConfirmDelete
          cards={1}
          links={dialog.links}
          onConfirm={() => {
            actions.deleteCards([dialog.id]);
            setDialog(null);
          }}
          onCancel={() => setDialog(null)}
        />
      )}
    </section>
  );
}
