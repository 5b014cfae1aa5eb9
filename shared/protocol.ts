// Custom messages between the FM Atlas client and server. Only types and method names live here;
// esbuild bundles this file into each side. docs/protocol.md describes every message.

/** Sent from the server to the client whenever the bibliography index changes. */
export const STATUS_NOTIFICATION = 'fmAtlas/status';

/** The parameters of {@link STATUS_NOTIFICATION}. */
export interface StatusParams {
  /** Entries indexed over all bibliography files the workspace uses. */
  readonly entries: number;
  /** Bibliography files indexed. */
  readonly bibliographyFiles: number;
  /** True while a large bibliography is being (re-)indexed. */
  readonly indexing: boolean;
}
