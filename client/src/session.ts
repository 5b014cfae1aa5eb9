// Owns the language client's lifecycle (start, restart, dispose) and turns the client's state and
// the server's status notifications into one ServerStatus that the status bar can show.

import * as vscode from 'vscode';
import { NotificationType, State, type LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../shared/protocol';
import { createLanguageClient } from './client';
import type { ServerStatus } from './serverStatus';

const statusNotification = new NotificationType<StatusParams>(STATUS_NOTIFICATION);

/** One running (or stopped) language server, plus the output channel it logs to. */
export class Session {
  private client: LanguageClient | undefined;
  private clientSubscriptions: vscode.Disposable[] = [];
  private currentStatus: ServerStatus = { kind: 'stopped' };
  private readonly statusEmitter = new vscode.EventEmitter<ServerStatus>();

  /** Fires whenever {@link status} changes. */
  readonly onDidChangeStatus: vscode.Event<ServerStatus> = this.statusEmitter.event;

  /** Creates a session; nothing runs until {@link start} is called. */
  constructor(
    private readonly context: vscode.ExtensionContext,
    /** The channel both the client and the server log to. */
    readonly outputChannel: vscode.LogOutputChannel,
  ) {}

  /** What is known about the server right now. */
  get status(): ServerStatus {
    return this.currentStatus;
  }

  /** Starts the server. Rejects if it cannot start; the client has then already told the user. */
  async start(): Promise<void> {
    const client = this.client ?? this.createClient();
    await client.start();
  }

  /** Restarts the server, or starts a fresh one if the previous one failed or stopped. */
  async restart(): Promise<void> {
    const client = this.client;
    // A start in progress cannot be stopped cleanly, and it is about to produce a fresh server anyway.
    if (client?.state === State.Starting) {
      return;
    }
    if (client?.state === State.Running) {
      await client.restart();
      return;
    }
    // A client whose start failed keeps its rejected start promise and can never start again, so
    // it is thrown away and replaced.
    await this.disposeClient();
    await this.start();
  }

  /** Stops the server and releases the session's resources. */
  async dispose(): Promise<void> {
    await this.disposeClient();
    this.statusEmitter.dispose();
  }

  private createClient(): LanguageClient {
    const client = createLanguageClient(this.context, this.outputChannel);
    this.clientSubscriptions.push(
      client.onDidChangeState((event) => this.setStatus(applyClientState(this.currentStatus, event.newState))),
      // Handlers registered before start survive restarts: the client re-installs them on every start.
      client.onNotification(statusNotification, (params) => this.setStatus({ kind: 'running', index: params })),
    );
    this.client = client;
    return client;
  }

  private async disposeClient(): Promise<void> {
    const client = this.client;
    if (client === undefined) {
      return;
    }
    this.client = undefined;
    for (const subscription of this.clientSubscriptions.splice(0)) {
      subscription.dispose();
    }
    try {
      await client.dispose();
    } catch (error) {
      // dispose() refuses a client that is not running, e.g. one whose initialize request failed.
      // Its server process may still be alive, so it is ended directly.
      this.outputChannel.warn(`Could not stop the language server cleanly: ${String(error)}`);
      client.serverProcess?.kill();
    }
    this.setStatus({ kind: 'stopped' });
  }

  private setStatus(status: ServerStatus): void {
    this.currentStatus = status;
    this.statusEmitter.fire(status);
  }
}

/** Maps a client state change onto the session status, keeping an index already reported. */
function applyClientState(current: ServerStatus, state: State): ServerStatus {
  switch (state) {
    case State.Starting:
      return { kind: 'starting' };
    case State.Running:
      // The first status notification can arrive before the Running event; do not forget it.
      return current.kind === 'running' ? current : { kind: 'running', index: undefined };
    case State.StartFailed:
      return { kind: 'failed' };
    case State.Stopped:
      return { kind: 'stopped' };
  }
}
