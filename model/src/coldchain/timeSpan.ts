/** A stretch of time in epoch milliseconds. */
export interface TimeSpan {
  startMs: number;
  endMs: number;
}
