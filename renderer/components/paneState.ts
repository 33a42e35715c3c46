// What one reading pane shows: its source, text or pages, and the passage it was asked to show.
export interface PaneFocus {
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
  /** Changes each time the same passage is asked for again, so it scrolls and flashes again. */
  nonce: number;
}

export interface PaneState {
  key: string;
  sourceId: string;
  mode: 'text' | 'pages';
  focus: PaneFocus | null;
}
