import { z } from 'zod';

/** The routing word lists (scenes/routing/words.json): language knowledge, not services. */
export const routingWordsSchema = z.object({
  about: z.string().optional(),
  /** Abbreviation or slang → its plain word ("" drops it). */
  slang: z.record(z.string(), z.string()),
  /** Multi-word expressions → one token ("lampu merah" → "lampumerah"). */
  phrases: z.record(z.string(), z.string()),
  /** Each group folds onto its first word. */
  synonyms: z.array(z.array(z.string().min(1)).min(1)),
  stopwords: z.array(z.string()),
  affixes: z.object({
    particles: z.array(z.string()),
    possessives: z.array(z.string()),
    suffixes: z.array(z.string()),
    /** First-order prefixes (di-, ter-, me-, pe-…), stripped before the inner ones (ber-, per-…). */
    prefixes: z.array(z.string()),
    innerPrefixes: z.array(z.string()),
    minStem: z.number().int().min(2).max(8),
  }),
  /** Words that look affixed but are roots ("sekolah", "perempatan"). */
  roots: z.array(z.string()),
  /** Words that say what the citizen wants: to file a complaint, ask for a service, or ask a question. */
  intent: z.object({
    request: z.array(z.string()),
    information: z.array(z.string()),
    complaint: z.array(z.string()),
  }),
});
export type RoutingWords = z.infer<typeof routingWordsSchema>;
