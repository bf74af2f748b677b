// What a screen reader hears for a card or a link, in the UI language: a card says its kind,
// band, title, owner, agreement state and open comments (an indicator its latest value, state and trend); a link says its kind and both titles.
// The canvas (React Flow's aria-label) and the outline view read the same words.
import {
  EDGE_KIND_LABELS, EDGE_KINDS, NODE_KIND_LABELS, NODE_KINDS, OWNER_LABELS, OWNERS, TIER_LABELS, TIERS, isAgreeableKind, isOneOf,
  type BoardEdge, type BoardNode, type Lang, type Localized,
} from '../../../shared';
import type { Translate } from '../../i18n/I18nProvider';
import type { CardMarks } from '../../workshop/workshopStore';
import { indicatorAriaText } from './indicatorState';

type PickText = (text: Localized) => string;

export const kindLabel = (pick: PickText, kind: unknown) => (isOneOf(NODE_KINDS, kind) ? pick(NODE_KIND_LABELS[kind]) : String(kind));
export const ownerLabel = (pick: PickText, owner: unknown) => (isOneOf(OWNERS, owner) ? pick(OWNER_LABELS[owner]) : String(owner));
export const tierLabel = (pick: PickText, tier: unknown) => (isOneOf(TIERS, tier) ? pick(TIER_LABELS[tier]) : String(tier));
export const edgeKindLabel = (pick: PickText, kind: unknown) => (isOneOf(EDGE_KINDS, kind) ? pick(EDGE_KIND_LABELS[kind]) : String(kind));

/** The agreement state as words, or null for a kind nobody agrees on. */
export function agreementText(t: Translate, card: Pick<BoardNode, 'kind'>, marks: CardMarks | undefined): string | null {
  if (!isAgreeableKind(card.kind)) return null;
  const a = marks?.agreement;
  const state = a?.state ?? 'open';
  const words = state === 'avtalt' ? t('agAvtalt') : state === 'stat' ? t('agStat') : state === 'kommune' ? t('agKommune') : t('agOpen');
  return a?.changed ? `${words}, ${t('agChanged')}` : words;
}

export function cardName(t: Translate, pick: PickText, card: BoardNode, marks: CardMarks | undefined, lang: Lang): string {
  const parts = [
    t('cardAria', {
      kind: kindLabel(pick, card.kind),
      band: tierLabel(pick, card.tier),
      title: card.title || t('untitledCard'),
      owner: ownerLabel(pick, card.owner),
    }),
  ];
  const agreement = agreementText(t, card, marks);
  if (agreement) parts.push(`${agreement}.`);
  if (marks?.openThreads) parts.push(`${t('wsCommentsOpen', { n: marks.openThreads })}.`);
  // The card's line chart is drawn only; its words are here.
  if (card.kind === 'indicator') parts.push(indicatorAriaText(t, lang, card));
  return parts.join(' ');
}

export function linkName(t: Translate, pick: PickText, link: BoardEdge, source: BoardNode | undefined, target: BoardNode | undefined): string {
  const title = (c: BoardNode | undefined) => (c ? c.title || t('untitledCard') : t('wsOrphan'));
  return t('edgeAria', { source: title(source), kind: edgeKindLabel(pick, link.kind), target: title(target) });
}
