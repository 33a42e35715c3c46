// Where each page of a paged original (a PDF) lies in the canonical text, in code-point offsets.
import { z } from 'zod';

/** A PDF page's span in the canonical text, so a passage can be shown on its page. */
export const PageRange = z.object({
  page: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type PageRange = z.infer<typeof PageRange>;
