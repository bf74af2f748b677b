// The workshop's part of the Y.Doc: maps of their own beside meta/nodes/layout/edges.
//   agreements  `${targetId}|${side}` → AgreementRecord
//   session     'facilitator' | 'timer' | 'summon' → plain records (live meeting state, not exported)
//   votes       voteId → VoteRecord
//   ballots     `${voteId}|${participantId}` → BallotRecord (boards before #16; since then ballots are
//               kept by the server and only the tallies reach the board)
// agreements, votes and ballots are written by the server alone (#16): the update guard refuses
// any client update that touches them.
//   comments    threadId → Y.Map (thread fields, `messages`: Y.Array<CommentMessage>)
// Times and ids come from the caller: nothing in shared/ reads the clock.
import type * as Y from 'yjs';
import type { Localized } from '../vocabulary';
import type { AgreeingSide } from './sides';

export interface ParticipantRef {
  participantId: string;
  name: string;
}

export interface AgreementRecord {
  targetId: string;
  side: AgreeingSide;
  participantId: string;
  name: string;
  /** ISO 8601 time of agreement. */
  at: string;
  /** contentFingerprint of the card's content when agreed: the record counts only while it matches. */
  fingerprint: string;
  /**
   * Written by the server (#16): false for a name typed on a side-bound link, true once it comes
   * from sign-in. Records from before #16 (written by a browser) have none.
   */
  verified?: boolean;
}

export interface FacilitatorRecord {
  participantId: string;
  name: string;
  since: string;
}

export type TimerStatus = 'idle' | 'running' | 'paused';
export interface TimerRecord {
  state: TimerStatus;
  durationMs: number;
  /** While running: what was left at `startedAt`. Otherwise: what is left. */
  remainingMs: number;
  /** Epoch ms (the starter's clock) when it last started running. */
  startedAt?: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}
export interface SummonRecord {
  viewport: Viewport;
  by: ParticipantRef;
  at: string;
  /** New for every summon, so clients act on each one exactly once. */
  nonce: string;
}

export type VoteStatus = 'open' | 'closed';
export interface VoteRecord {
  id: string;
  title: string;
  targetIds: string[];
  /** Dots each participant may place. */
  dots: number;
  status: VoteStatus;
  createdBy: ParticipantRef;
  createdAt: string;
  closedAt?: string;
  /** How many have voted, written by the server while the vote is open (#16): the only thing anyone sees of an open vote. */
  voted?: number;
  /** The tallies, written by the server when it closes the vote; the ballots themselves stay on the server. */
  results?: VoteTally[];
}

/** One card's tally in a closed vote. */
export interface VoteTally {
  targetId: string;
  dots: number;
  /** Participants who placed at least one dot here. */
  voters: number;
}

export interface BallotRecord {
  voteId: string;
  participantId: string;
  name: string;
  /** targetId → dots placed there (only positive counts are stored). */
  dots: Record<string, number>;
  at: string;
}

export interface CommentMessage {
  id: string;
  participantId: string;
  name: string;
  text: string;
  at: string;
  /** participantIds (or names) the message mentions. */
  mentions: string[];
}

export type CommentTargetType = 'node' | 'edge';
export interface CommentThread {
  id: string;
  targetId: string;
  targetType: CommentTargetType;
  createdAt: string;
  createdBy: ParticipantRef;
  resolved: boolean;
  resolvedBy?: ParticipantRef;
  resolvedAt?: string;
  messages: CommentMessage[];
}

export type YThread = Y.Map<unknown>;

export interface WorkshopMaps {
  agreements: Y.Map<AgreementRecord>;
  session: Y.Map<unknown>;
  votes: Y.Map<VoteRecord>;
  ballots: Y.Map<BallotRecord>;
  comments: Y.Map<YThread>;
}

export function workshopMaps(doc: Y.Doc): WorkshopMaps {
  return {
    agreements: doc.getMap('agreements') as Y.Map<AgreementRecord>,
    session: doc.getMap('session'),
    votes: doc.getMap('votes') as Y.Map<VoteRecord>,
    ballots: doc.getMap('ballots') as Y.Map<BallotRecord>,
    comments: doc.getMap('comments') as Y.Map<YThread>,
  };
}

export const agreementKey = (targetId: string, side: AgreeingSide) => `${targetId}|${side}`;
export const ballotKey = (voteId: string, participantId: string) => `${voteId}|${participantId}`;

export type WorkshopRefusalCode =
  | 'invalid_field'
  | 'not_found'
  | 'not_agreeable'
  | 'side_cannot_agree'
  | 'facilitator_taken'
  | 'not_facilitator'
  | 'timer_state'
  | 'vote_closed'
  | 'not_in_vote'
  | 'too_many_dots';

export interface WorkshopRefusal {
  ok: false;
  code: WorkshopRefusalCode;
  message: Localized;
  field?: string;
}
/** Same shape as shared/operations' OpResult, with the workshop's own refusal codes. */
export type WorkshopResult<T = object> = ({ ok: true } & T) | WorkshopRefusal;

export type BallotJson = Omit<BallotRecord, 'voteId'>;
export interface VoteJson extends VoteRecord {
  ballots: BallotJson[];
}
/** The workshop's lasting record in interchange v1. The live session (facilitator, timer) is not part of it. */
export interface WorkshopJson {
  agreements: AgreementRecord[];
  votes: VoteJson[];
  comments: CommentThread[];
}
