/** How far a backup or a restore has come with one collection, for a progress bar. */
export interface CollectionProgress {
  collection: string;
  documents: number;
  /** Documents expected (an estimate while backing up). */
  total: number;
  done: boolean;
}

