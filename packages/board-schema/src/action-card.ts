import { z } from 'zod';

/** One of the "3 actions fortes et faisables" an ideation group retains. */
export const actionCardSchema = z.object({
  action: z.string().max(300),
  why: z.string().max(500),
  firstStep: z.string().max(300),
  owner: z.string().max(200),
});
export type ActionCardFields = z.infer<typeof actionCardSchema>;
