// The workshop records as zod schemas: operations check what they are about to write with them,
// and the interchange file's `workshop` section is checked with the same ones.
import { z } from 'zod';
import { LIMITS, idSchema } from '../fieldSchemas';
import { AGREEING_SIDES } from './sides';

export const WORKSHOP_LIMITS = {
  maxNameLength: 200,
  maxDotsPerVote: 100,
  maxVoteTargets: 500,
  maxMentions: 50,
  maxAgreements: 2 * LIMITS.maxNodes,
  maxVotes: 1_000,
  maxBallotsPerVote: 1_000,
  maxThreads: 10_000,
  maxMessagesPerThread: 1_000,
} as const;

export const timestampSchema = z.iso.datetime({ offset: true });
export const participantIdSchema = idSchema;
export const displayNameSchema = z.string().trim().min(1, 'name must not be empty').max(WORKSHOP_LIMITS.maxNameLength);
export const participantRefSchema = z.strictObject({ participantId: participantIdSchema, name: displayNameSchema });

export const agreementRecordSchema = z.strictObject({
  targetId: idSchema,
  side: z.enum(AGREEING_SIDES),
  participantId: participantIdSchema,
  name: displayNameSchema,
  at: timestampSchema,
  fingerprint: z.string().regex(/^[0-9a-z]{1,64}$/, 'not a content fingerprint'),
  verified: z.boolean().optional(),
});

export const voteTallySchema = z.strictObject({
  targetId: idSchema,
  dots: z.number().int().min(0),
  voters: z.number().int().min(0),
});

export const voteRecordSchema = z.strictObject({
  id: idSchema,
  title: z.string().max(LIMITS.maxTitleLength),
  targetIds: z
    .array(idSchema)
    .min(1, 'a vote needs at least one card')
    .max(WORKSHOP_LIMITS.maxVoteTargets)
    .refine((ids) => new Set(ids).size === ids.length, 'a card is listed twice'),
  dots: z.number().int().min(1).max(WORKSHOP_LIMITS.maxDotsPerVote),
  status: z.enum(['open', 'closed']),
  createdBy: participantRefSchema,
  createdAt: timestampSchema,
  closedAt: timestampSchema.optional(),
  voted: z.number().int().min(0).optional(),
  results: z.array(voteTallySchema).max(WORKSHOP_LIMITS.maxVoteTargets).optional(),
});

export const ballotRecordSchema = z.strictObject({
  voteId: idSchema,
  participantId: participantIdSchema,
  name: displayNameSchema,
  dots: z.record(idSchema, z.number().int().min(1).max(WORKSHOP_LIMITS.maxDotsPerVote)),
  at: timestampSchema,
});

export const commentMessageSchema = z.strictObject({
  id: idSchema,
  participantId: participantIdSchema,
  name: displayNameSchema,
  text: z.string().trim().min(1, 'a comment must not be empty').max(LIMITS.maxTextLength),
  at: timestampSchema,
  mentions: z.array(z.string().min(1).max(WORKSHOP_LIMITS.maxNameLength)).max(WORKSHOP_LIMITS.maxMentions),
});

export const commentThreadSchema = z.strictObject({
  id: idSchema,
  targetId: idSchema,
  targetType: z.enum(['node', 'edge']),
  createdAt: timestampSchema,
  createdBy: participantRefSchema,
  resolved: z.boolean(),
  resolvedBy: participantRefSchema.optional(),
  resolvedAt: timestampSchema.optional(),
  messages: z.array(commentMessageSchema).min(1, 'a thread holds at least one message').max(WORKSHOP_LIMITS.maxMessagesPerThread),
});

/** A ballot inside its vote in the interchange file (the vote id is implied). */
export const ballotJsonSchema = ballotRecordSchema.omit({ voteId: true });
export const voteJsonSchema = voteRecordSchema.extend({
  ballots: z.array(ballotJsonSchema).max(WORKSHOP_LIMITS.maxBallotsPerVote),
});

/** The optional `workshop` section of interchange v1. A file may leave any list out. */
export const workshopJsonSchema = z.strictObject({
  agreements: z.array(agreementRecordSchema).max(WORKSHOP_LIMITS.maxAgreements).default([]),
  votes: z.array(voteJsonSchema).max(WORKSHOP_LIMITS.maxVotes).default([]),
  comments: z.array(commentThreadSchema).max(WORKSHOP_LIMITS.maxThreads).default([]),
});
