// Facilitators' sign-in (OpenID Connect) and the boards a signed-in person facilitates. Participants
// never need an account.
import { z } from 'zod';
import { boardIdSchema } from './board';

export const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());

/** `GET /api/me`: whether sign-in is on, and who is signed in on this browser. */
export const accountInfoSchema = z.object({
  signIn: z.boolean(),
  /** Creating a board needs a signed-in person. */
  createRequiresLogin: z.boolean(),
  account: z.object({ email: z.string(), name: z.string().optional() }).nullable(),
});
export type AccountInfo = z.infer<typeof accountInfoSchema>;

/** When a board is deleted for lack of activity (P-RET); null dates: kept forever / never active. */
export const boardRetentionSchema = z.object({
  lastActivityAt: z.number().nullable(),
  deletesAt: z.number().nullable(),
});
export type BoardRetention = z.infer<typeof boardRetentionSchema>;

/** `GET /api/me/boards`: "Mes ateliers", the boards the signed-in person created or co-facilitates. */
export const myBoardListSchema = z.object({
  boards: z.array(
    boardRetentionSchema.extend({
      id: boardIdSchema,
      title: z.string(),
      createdAt: z.string(),
      role: z.enum(['creator', 'co-facilitator']),
    }),
  ),
});
export type MyBoardList = z.infer<typeof myBoardListSchema>;
export type MyBoard = MyBoardList['boards'][number];

export const BoardFacilitatorLimits = { maxCoFacilitators: 20 } as const;

/** `GET|PUT /api/boards/:id/facilitators` (a facilitator): who may facilitate by signing in. */
export const boardFacilitatorsSchema = z.object({
  createdBy: z.string().nullable(),
  coFacilitators: z.array(z.string()),
});
export type BoardFacilitatorList = z.infer<typeof boardFacilitatorsSchema>;

export const setCoFacilitatorsBodySchema = z.object({
  coFacilitators: z.array(emailSchema).max(BoardFacilitatorLimits.maxCoFacilitators),
});
export type SetCoFacilitatorsBody = z.input<typeof setCoFacilitatorsBodySchema>;
