// The surface of the board model: what client/, server/, bench/ and e2e/ use, named one by one.
// They import it one way, from this folder (`'../../shared'`); what is not listed here is internal
// to shared/. Three other entry points have their own index: `shared/export` (the exporters),
// `shared/examples` (the demo board) and the test helpers (`shared/workshop/testing`,
// `shared/export/testBoards`, `shared/seeded`). Inside shared/, modules import each other directly,
// in one direction (ARCHITECTURE.md; checked by shared/layers.test.ts).
export {
  DEFAULT_OWNER, DEFAULT_OWNER_FOR_TIER, DIRECTION_LABELS, DIRECTIONS, EDGE_KIND_LABELS, EDGE_KINDS, type
  EdgeKind, GOAL_LEVEL_LABELS, GOAL_LEVELS, isOneOf, type Lang, LANGS, type Localized, NODE_KIND_LABELS,
  NODE_KINDS, type NodeKind, type Owner, OWNER_LABELS, OWNERS, PERIOD_PATTERN, PROGRESS_LABELS, PROGRESS_VALUES,
  SDG_PATTERN, SEVERITIES, SEVERITY_LABELS, STATUS_LABELS, STATUSES, type Tier, TIER_LABELS, TIERS,
} from './vocabulary';
export {
  type BoardEdge, type BoardNode, type IndicatorValue, type Period, type Position, type SourceRef, type YearValue,
} from './types';
export {
  edgeFieldSchemas, idSchema, LIMITS, metaFieldSchemas, nodeFieldSchemas, positionSchema,
  storedIndicatorValueSchema,
} from './fieldSchemas';
export {
  type BoardGraph, type BoardMaps, boardMaps, isListField, LIST_FIELDS, byId, newId, newYEdge, nodeText, plainValue, readEdgeFields,
  readGraph, readMeta, readNodeFields, type TextField, type YNode,
} from './boardDoc';
export {
  diffText, type TextEdit,
} from './yText';
export {
  hasPlainTexts, migrateTexts,
} from './migrateTexts';
export {
  BAND_HEIGHT, BAND_TOP0, bandTop, CARD_HEIGHT_ESTIMATE, CARD_WIDTH, clampIntoBand, tierOfCardAt,
} from './bands';
export {
  checkLink, linkFit, type LinkRefusal,
} from './linkRules';
export {
  createNode, deleteNodes, type EdgePatch, link, moveNodes, type NodePatch, type OpResult, ruleViewOf, setMeta,
  unlink, updateEdge, updateNode,
} from './operations';
export {
  validateBoard, validateGraph, type Violation,
} from './validateBoard';
export {
  type Coverage, coverage, type Divergence, divergences, type View,
} from './readModels';
export {
  type RedThread, redThread, redThreadBreaks, type RedThreadModel, redThreadModel, THREAD_BREAK_KINDS, THREAD_BREAK_LABELS,
  type ThreadBreak, type ThreadBreakKind, type ThreadStep,
} from './redThread';
export {
  assessIndicator, comparePeriods, type TrackState, type Trend,
} from './indicators/series';
export {
  readAllSeries, readSeries, removeIndicatorValue, setIndicatorValues, splitValueKey, VALUES_ROOT, valuesMap,
} from './indicators/seriesDoc';
export {
  CSV_LIMITS, type CsvPreview, parseCsvNumber, previewCsv,
} from './indicators/csvImport';
export {
  agree, AGREEING_SIDES, agreementOf, type AgreementState, agreementSummary, type AgreementSummaryItem,
  allThreads, ballotOf, castDots, closeVote, dotsLeft, facilitatorOf, type FacilitatorRecord, handOverFacilitator,
  isAgreeableKind, isAgreeingSide, isSide, openThreadCounts, openThreads, releaseFacilitator, reopenThread, reply,
  resolveThread, type Side, SIDE_LABELS, SIDES, startThread, startVote, summonEveryone, summonOf, type
  SummonRecord, takeFacilitator, threadsOf, type ThreadView, timerOf, timerPause, type TimerRecord,
  timerRemaining, timerReset, timerStart, type Viewport, voterCount, type VoteRecord, voteResults, votesOf,
  withdrawAgreement, type WorkshopMaps, workshopMaps,
  // Written by the server alone (#16): the checks and writers it uses, the records clients read.
  agreementKey, type AgreeingSide, type AgreementRecord, checkBallot, closeVoteWithTally, facilitatorCheck, setVoted, voteOf,
  type VoteTally, type WorkshopRefusal,
  // Comment stamps (#16 §4): the server's time and author for each message and resolve.
  COMMENT_STAMPS_ROOT, type CommentMessage, type CommentStamp, commentStampsOf, commentStampsRecord, messageFingerprint, messageStampKey,
  resolveStampKey, type StampedAuthor, stampLookup, type StampSource, type TrustedMessage, trustedMessage, trustedResolve, withStamps,
} from './workshop/index';
export {
  auditCsv, type AuditAction, AUDIT_ACTIONS, type AuditActor, type AuditEntry, isLinkKind, isSideLink, LINK_KINDS,
  type LinkKind, SIDE_LINKS,
} from './trust';
export {
  type BoardJson,
} from './interchange/schema';
export {
  type ImportError, parseBoardJson, parseBoardJsonText,
} from './interchange/parseBoardJson';
export {
  applyBoardJson, toBoardJson,
} from './interchange/boardJson';
export {
  restrictWorkshop, withCommentStamps,
} from './interchange/workshopJson';
export {
  type BoardDiff, diffBoards, type FieldChange,
} from './diffBoards';
export {
  AUTO_SNAPSHOT_LABEL, beforeRestoreLabel, meetingStartLabel, parseSnapshotLabel, type SnapshotName,
} from './snapshotLabel';
export {
  parsePresence, PRESENCE_LIMITS, PRESENCE_ROLES, type PresenceState, restrictPresence,
} from './presence';
export {
  withoutXmlIllegal,
} from './xmlText';
export {
  KIND_STYLE, OWNER_COLOURS, type OwnerColours, ownerColours,
} from './theme';
export {
  SDG_GOALS, sdgCoverage, type SdgCoverageRow, sdgGoalOf, sdgTextColour, searchSdg,
} from './sdg';
// The contract between client and server, whole.
export * from './wire';
export { contrastRatio, relativeLuminance } from './contrast';
