// Two-party agreement on goals, indicator targets and measures. A record holds the fingerprint of
// the content it was given to, and counts only while the card's content still has that
// fingerprint: a later edit "clears" it on every replica without anyone deleting anything, also
// when the edit and the agreement were made at the same time or offline. Moving a card changes
// only `layout`, so it never clears.
import type * as Y from 'yjs';
import { boardMaps, readNodeFields } from '../boardDoc';
import type { NodeFields } from '../types';
import { isOneOf, type Localized, type NodeKind } from '../vocabulary';
import { contentFingerprint } from './fingerprint';
import {
  agreementKey, workshopMaps, type AgreementRecord, type WorkshopResult,
} from './model';
import { checkRecord, notFound, refuse } from './refusals';
import { agreementRecordSchema } from './schema';
import { AGREEABLE_KINDS, AGREEING_SIDES, isAgreeingSide, isSide, type AgreeingSide } from './sides';

export type AgreementState = 'avtalt' | 'stat' | 'kommune' | 'open';

export interface AgreementStatus {
  state: AgreementState;
  /** The stat side's agreement to the card as it is now. */
  stat?: AgreementRecord;
  kommune?: AgreementRecord;
  /** Agreements given to an earlier version of the card: "endret etter enighet". */
  cleared?: AgreementRecord[];
}

export function isAgreeableKind(kind: unknown): kind is (typeof AGREEABLE_KINDS)[number] {
  return isOneOf(AGREEABLE_KINDS, kind);
}

/** Judges a card's agreement records against its current content. Pure: works on a BoardNode as well as on the Y.Doc. */
export function evaluateAgreement(fields: Partial<NodeFields> | object, records: Iterable<AgreementRecord>): AgreementStatus {
  const fingerprint = contentFingerprint(fields);
  const status: AgreementStatus = { state: 'open' };
  const cleared: AgreementRecord[] = [];
  for (const rec of records) {
    if (!isAgreeingSide(rec.side)) continue;
    if (rec.fingerprint === fingerprint) status[rec.side] = rec;
    else cleared.push(rec);
  }
  status.state = status.stat && status.kommune ? 'avtalt' : status.stat ? 'stat' : status.kommune ? 'kommune' : 'open';
  if (cleared.length) status.cleared = cleared.sort((a, b) => (a.side < b.side ? -1 : a.side > b.side ? 1 : 0));
  return status;
}

function recordsOf(doc: Y.Doc, targetId: string): AgreementRecord[] {
  const { agreements } = workshopMaps(doc);
  const out: AgreementRecord[] = [];
  for (const side of AGREEING_SIDES) {
    const rec = agreements.get(agreementKey(targetId, side));
    if (rec) out.push(rec);
  }
  return out;
}

/** A card's agreement as it stands; 'open' for a card that is not there or cannot be agreed. */
export function agreementOf(doc: Y.Doc, nodeId: string): AgreementStatus {
  const ynode = boardMaps(doc).nodes.get(nodeId);
  if (!ynode || !isAgreeableKind(ynode.get('kind'))) return { state: 'open' };
  return evaluateAgreement(readNodeFields(ynode), recordsOf(doc, nodeId));
}

export interface AgreementSummaryItem extends AgreementStatus {
  id: string;
  kind: NodeKind;
  title: string;
}
export interface AgreementSummary {
  avtalt: AgreementSummaryItem[];
  /** Agreed by stat or kommune, not both. */
  oneSide: AgreementSummaryItem[];
  open: AgreementSummaryItem[];
}

const KIND_ORDER: readonly string[] = AGREEABLE_KINDS;

/** Every agreeable card, grouped for the agreement panel: goals, then indicators, then measures, each by title. */
export function agreementSummary(doc: Y.Doc): AgreementSummary {
  const { nodes } = boardMaps(doc);
  const { agreements } = workshopMaps(doc);
  const recordsByTarget = new Map<string, AgreementRecord[]>();
  agreements.forEach((rec) => {
    const list = recordsByTarget.get(rec.targetId) ?? [];
    list.push(rec);
    recordsByTarget.set(rec.targetId, list);
  });
  const items: AgreementSummaryItem[] = [];
  nodes.forEach((ynode, id) => {
    const kind = ynode.get('kind');
    if (!isAgreeableKind(kind)) return;
    const fields = readNodeFields(ynode);
    items.push({ id, kind, title: fields.title, ...evaluateAgreement(fields, recordsByTarget.get(id) ?? []) });
  });
  items.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    avtalt: items.filter((i) => i.state === 'avtalt'),
    oneSide: items.filter((i) => i.state === 'stat' || i.state === 'kommune'),
    open: items.filter((i) => i.state === 'open'),
  };
}

const CARD: Localized = { nb: 'kortet', nn: 'kortet', en: 'Card' };

function sideRefusal(side: unknown) {
  if (isSide(side) && !isAgreeingSide(side)) {
    return refuse('side_cannot_agree', {
      nb: 'Bare stat og kommune kan markere enighet. Du kan kommentere eller stemme i stedet.',
      nn: 'Berre stat og kommune kan markere semje. Du kan kommentere eller stemme i staden.',
      en: 'Only the state and the municipality can mark agreement. You can comment or vote instead.',
    }, 'side');
  }
  return refuse('side_cannot_agree', {
    nb: `Ukjent side «${String(side)}». Velg stat eller kommune for å markere enighet.`,
    nn: `Ukjend side «${String(side)}». Vel stat eller kommune for å markere semje.`,
    en: `Unknown side "${String(side)}". Choose state or municipality to mark agreement.`,
  }, 'side');
}

export interface AgreeInput {
  targetId: string;
  side: AgreeingSide | string;
  participantId: string;
  name: string;
  /** ISO 8601 time. */
  at: string;
}

/**
 * Marks a goal, indicator or measure as agreed by one side, for its content as it is now. A side
 * that already agrees to the current content keeps its first record (who and when stay true).
 */
export function agree(doc: Y.Doc, input: AgreeInput, origin: unknown): WorkshopResult {
  if (!isAgreeingSide(input.side)) return sideRefusal(input.side);
  const ynode = boardMaps(doc).nodes.get(input.targetId);
  if (!ynode) return notFound(CARD, input.targetId);
  if (!isAgreeableKind(ynode.get('kind'))) {
    return refuse('not_agreeable', {
      nb: 'Bare mål, indikatorer og tiltak kan avtales.',
      nn: 'Berre mål, indikatorar og tiltak kan avtalast.',
      en: 'Only goals, indicators and measures can be agreed.',
    }, 'targetId');
  }
  const record: AgreementRecord = {
    targetId: input.targetId,
    side: input.side,
    participantId: input.participantId,
    name: input.name,
    at: input.at,
    fingerprint: contentFingerprint(readNodeFields(ynode)),
  };
  const bad = checkRecord(agreementRecordSchema, record);
  if (bad) return bad;
  const { agreements } = workshopMaps(doc);
  const key = agreementKey(input.targetId, input.side);
  if (agreements.get(key)?.fingerprint === record.fingerprint) return { ok: true };
  doc.transact(() => agreements.set(key, record), origin);
  return { ok: true };
}

/** Takes one side's agreement back (also one given to an earlier version, which clears the "changed" notice). */
export function withdrawAgreement(doc: Y.Doc, input: { targetId: string; side: AgreeingSide | string }, origin: unknown): WorkshopResult {
  if (!isAgreeingSide(input.side)) return sideRefusal(input.side);
  const { agreements } = workshopMaps(doc);
  const key = agreementKey(input.targetId, input.side);
  if (!agreements.has(key)) return { ok: true };
  doc.transact(() => agreements.delete(key), origin);
  return { ok: true };
}
