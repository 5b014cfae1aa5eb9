// Publishes diagnostics for every manuscript and bibliography the workspace knows, not only open
// editors, so a broken entry in a .bib file nobody opened still shows in the Problems panel.
// Runs debounced after changes and publishes only what changed.

import { NOT_CANCELLED } from '../core';
import { toDiagnostic } from './convert';
import type { Session } from './session';

const DEBOUNCE_MS = 120;

/** Schedules and publishes diagnostics. */
export class DiagnosticsPublisher {
  private timer: NodeJS.Timeout | undefined;
  private readonly published = new Map<string, string>();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: Session,
    private readonly afterPublish: () => void,
  ) {}

  /** Asks for a new run soon; many calls in a burst of typing make one run. */
  schedule(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Not while a bibliography is being indexed: a document would be checked against one not yet
      // read (undefined keys that are not), and the check would slow the index down.
      this.running = this.running.then(() => this.session.indexed()).then(() => this.publishAll());
    }, DEBOUNCE_MS);
  }

  /** Runs now (after any run in progress) and resolves when published. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.running = this.running.then(() => this.session.indexed()).then(() => this.publishAll());
    await this.running;
  }

  private async publishAll(): Promise<void> {
    const { workspace, connection } = this.session;
    const seen = new Set<string>();
    for (const document of workspace.allDocuments()) {
      if (document.kind === 'metadata') {
        continue;
      }
      // Requests that came in meanwhile, and answers waiting to be written (vscode-jsonrpc writes
      // from setImmediate), go first: checking a 25,000-entry library takes tens of milliseconds.
      await new Promise<void>((resolve) => setImmediate(resolve));
      seen.add(document.uri);
      let diagnostics;
      try {
        diagnostics = this.session.service
          .collectDiagnostics(document.uri, NOT_CANCELLED)
          .map((diagnostic) =>
            toDiagnostic(workspace, document, diagnostic, this.session.capabilities.relatedInformation),
          );
      } catch (error) {
        this.session.log(
          `Diagnostics failed for ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`,
        );
        continue;
      }
      // The version is part of the key so that an editor learns that a new version has been checked.
      const serialized = `${document.version}\u0000${JSON.stringify(diagnostics)}`;
      if (this.published.get(document.uri) !== serialized) {
        this.published.set(document.uri, serialized);
        await connection.sendDiagnostics({ uri: document.uri, version: document.version || undefined, diagnostics });
      }
    }
    for (const uri of [...this.published.keys()]) {
      if (!seen.has(uri)) {
        this.published.delete(uri);
        await connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
    this.afterPublish();
  }
}
