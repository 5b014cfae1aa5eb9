// Tells the client how many entries are indexed (fmAtlas/status, shown in the status bar) and shows
// a progress notification (window/workDoneProgress) while a large bibliography is indexed.

import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../../shared/protocol';
import type { Session } from './session';

/** Reports index status and indexing progress. */
export class StatusReporter {
  private last = '';
  private readonly active = new Set<string>();
  private progress: Promise<WorkDoneProgressServerReporter | undefined> | undefined;

  constructor(private readonly session: Session) {}

  /** Sends the entry count when it changed. */
  report(): void {
    let entries = 0;
    let bibliographyFiles = 0;
    for (const document of this.session.workspace.allDocuments()) {
      if (document.kind === 'bibtex') {
        bibliographyFiles++;
        entries += this.session.workspace.bibliography(document).entries.length;
      }
    }
    const params: StatusParams = { entries, bibliographyFiles, indexing: this.active.size > 0 };
    const serialized = JSON.stringify(params);
    if (serialized !== this.last) {
      this.last = serialized;
      void this.session.connection.sendNotification(STATUS_NOTIFICATION, params);
    }
  }

  /** Marks a large bibliography as being indexed, or done. */
  setIndexing(uri: string, isActive: boolean): void {
    if (isActive) {
      this.active.add(uri);
    } else {
      this.active.delete(uri);
    }
    if (this.session.capabilities.workDoneProgress) {
      if (this.active.size > 0 && !this.progress) {
        const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
        this.progress = this.session.connection.window.createWorkDoneProgress().then(
          (reporter) => {
            reporter.begin('FM Atlas', undefined, `Indexing ${name}…`);
            return reporter;
          },
          () => undefined,
        );
      } else if (this.active.size === 0 && this.progress) {
        const pending = this.progress;
        this.progress = undefined;
        void pending.then((reporter) => reporter?.done());
      }
    }
    this.report();
  }
}
