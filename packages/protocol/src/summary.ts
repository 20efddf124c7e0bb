// The facilitator's summary ("Synthèse"): free text that opens every report of the session.
import { z } from 'zod';

export const SummaryLimits = {
  /** About two pages of prose: a summary, not a transcript. */
  maxLength: 5000,
} as const;

export const summaryTextSchema = z.string().max(SummaryLimits.maxLength);

/** `summary.set { text }` (facilitator): replaces the summary; an empty text removes it. */
export const summarySetCommandSchema = z.object({
  type: z.literal('summary.set'),
  text: z.string().trim().max(SummaryLimits.maxLength),
});

/** Logged without the text: the log says when the summary changed and who changed it. */
export const summarySetLogEntrySchema = z.object({
  at: z.number(),
  by: z.string().min(1).max(64).optional(),
  type: z.literal('summary.set'),
  length: z.number().int().min(0),
});
