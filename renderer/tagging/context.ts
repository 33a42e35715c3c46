// What a reading pane needs from the tagging machinery: the annotations to highlight, where the
// pending (unsaved) passage is, and a way to register its text so selections map to offsets.
import { createContext, useContext } from 'react';
import type { TextTarget } from '../../shared/text/anchor.ts';
import type { Annotation, Claim } from '../../shared/model/claims.ts';
import type { PageRange } from '../../shared/model/source.ts';

export interface ReaderInfo {
  el: HTMLElement;
  sourceId: string;
  text: string;
  pages: PageRange[] | null;
  /**
   * Maps a DOM range in `el` to [start, end) of `text`, for a reader whose DOM text is not the
   * canonical text (the PDF Pages view's text layers). Absent: `el` is laid out as the Text view's
   * paragraphs with data-start (renderer/lib/selection.ts).
   */
  offsetsOf?: (range: Range) => { start: number; end: number } | null;
}

export interface TaggingForPane {
  annotationsOf(sourceId: string): Annotation[];
  claimsOf(annotationId: string): Claim[];
  /** Passages of the claim being drafted (or collected with "Add passage"), drawn as pending. */
  pending: { sourceId: string; targets: TextTarget[] } | null;
  /** The annotation whose claim is open or selected. */
  activeAnnotationId: string | null;
  register(key: string, info: ReaderInfo | null): void;
  openAnnotation(annotationId: string): void;
  /** Bumped per source when its text was replaced, so panes fetch it again. */
  textVersion(sourceId: string): number;
}

export const TaggingContext = createContext<TaggingForPane | null>(null);

export function useTaggingForPane(): TaggingForPane | null {
  return useContext(TaggingContext);
}
