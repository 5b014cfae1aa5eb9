// A real VS Code for end-to-end tests and `npm start`: code-server (VS Code's workbench and Node
// extension host), installed into a cache outside the repository by scripts/install-code-server.sh,
// started on loopback only, with a throwaway profile, and always stopped with its whole process group.
// ../shared/guides/real-vscode.md explains every flag.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');

/**
 * Settings that give clean, stable screens and no network chatter. Editor behaviour stays at VS Code's
 * defaults (quick suggestions, accept on Enter, word-based suggestions), as users have it.
 */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
};

/** Where code-server lives: its install folder, the Node binary it needs, and its entry script. */
export interface CodeServerInstall {
  readonly dir: string;
  readonly node: string;
  readonly entry: string;
}

/** Installs code-server into the cache if needed (about 4 minutes, once) and says where it is. */
export function ensureCodeServer(
  log: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
): CodeServerInstall {
  log('[e2e] checking the code-server install (scripts/install-code-server.sh)');
  const result = spawnSync('bash', [join(ROOT, 'scripts/install-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`scripts/install-code-server.sh failed with exit code ${result.status}`);
  }
  const dir = result.stdout.trim().split('\n').pop()!;
  return {
    dir,
    node: join(dir, 'node_modules/.bin/node'),
    entry: join(dir, 'node_modules/code-server/out/node/entry.js'),
  };
}

/** Finds a free TCP port on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Options of one code-server run. */
export interface StartOptions {
  readonly install: CodeServerInstall;
  /** The folder to open. */
  readonly workspace: string;
  /** Extra user settings over {@link QUIET_SETTINGS}. */
  readonly settings?: Record<string, unknown>;
  /** A .vsix to install into the fresh extensions folder before start. */
  readonly vsix?: string;
  /** Extra code-server arguments, e.g. `--vscode-option enable-smoke-test-driver`. */
  readonly args?: readonly string[];
  /** Environment added for code-server and its extension host. */
  readonly env?: Record<string, string>;
  /** A profile folder to keep (npm start); by default a temporary one is made and removed. */
  readonly profileDir?: string;
  /** Exit after this long with no browser connected (code-server's minimum is 61 s). */
  readonly idleTimeoutSeconds?: number;
}

const running = new Set<CodeServer>();
let exitHooksInstalled = false;

/** Kills every code-server this process started, whatever ends the process. */
function installExitHooks(): void {
  if (exitHooksInstalled) {
    return;
  }
  exitHooksInstalled = true;
  const killAll = () => {
    for (const server of running) {
      server.killGroup();
    }
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

/**
 * Starts a tiny watcher that kills code-server's process group if this process dies without
 * running its exit hooks (kill -9), so that no VS Code, extension host or language server is left.
 */
function startReaper(groupId: number | undefined): void {
  if (groupId === undefined) {
    return;
  }
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 -${groupId} 2>/dev/null; do sleep 1; done; kill -9 -${groupId} 2>/dev/null; exit 0`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

/** A running code-server on 127.0.0.1. */
export class CodeServer {
  private exited: Promise<void>;

  private constructor(
    readonly port: number,
    readonly profileDir: string,
    readonly userDataDir: string,
    readonly extensionsDir: string,
    private readonly child: ChildProcess,
    private readonly removeProfile: boolean,
    readonly output: string[],
  ) {
    this.exited = new Promise((resolveExit) => child.once('exit', () => resolveExit()));
  }

  /** The page to open for a folder, optionally with a workbench payload (files to open, tests to run). */
  url(folder: string, payload?: Array<[string, string]>): string {
    const query = `folder=${encodeURIComponent(folder)}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
    return `http://127.0.0.1:${this.port}/?${query}`;
  }

  /** A `vscode-remote:` URI for a path on this machine, with the authority the page is loaded from. */
  remoteUri(path: string): string {
    return `vscode-remote://127.0.0.1:${this.port}${path}`;
  }

  /** Starts code-server and waits until it answers /healthz. */
  static async start(options: StartOptions): Promise<CodeServer> {
    installExitHooks();
    const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'fm-atlas-vscode-'));
    const userDataDir = join(profileDir, 'user-data');
    const extensionsDir = join(profileDir, 'extensions');
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    writeFileSync(
      join(userDataDir, 'User/settings.json'),
      JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2),
    );
    // An empty config file stops code-server from writing ~/.config/code-server/config.yaml with a password.
    const config = join(profileDir, 'code-server.yaml');
    writeFileSync(config, '');
    const env = {
      ...process.env,
      ...options.env,
      PATH: `${join(options.install.dir, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    };
    const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
    if (options.vsix) {
      const installed = spawnSync(
        options.install.node,
        [options.install.entry, ...common, '--install-extension', options.vsix],
        { encoding: 'utf8', env },
      );
      if (installed.status !== 0 || !/successfully installed/.test(installed.stdout + installed.stderr)) {
        throw new Error(`Installing ${options.vsix} failed:\n${installed.stdout}\n${installed.stderr}`);
      }
    }
    const port = await findFreePort();
    const child = spawn(
      options.install.node,
      [
        options.install.entry,
        ...common,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--idle-timeout-seconds',
        String(options.idleTimeoutSeconds ?? 120),
        '--reconnection-grace-time',
        '10',
        ...(options.args ?? []),
        options.workspace,
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    startReaper(child.pid);
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const server = new CodeServer(
      port,
      profileDir,
      userDataDir,
      extensionsDir,
      child,
      options.profileDir === undefined,
      output,
    );
    running.add(server);
    try {
      await server.waitUntilHealthy(30_000);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  private async waitUntilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`code-server exited with ${this.child.exitCode}:\n${this.output.join('')}`);
      }
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (response.ok) {
          return;
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 200));
    }
    throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms:\n${this.output.join('')}`);
  }

  /** Kills code-server's process group (workbench server, extension host, language server) at once. */
  killGroup(): void {
    this.signalGroup('SIGKILL');
  }

  /** Signals every process of the group, even after its leader has exited. */
  private signalGroup(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined) {
      return;
    }
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // No process of the group is left.
    }
  }

  /** Stops code-server and everything it started, waits for the exit, and removes a temporary profile. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      this.signalGroup('SIGTERM');
      const timer = setTimeout(() => this.killGroup(), 5000);
      await this.exited;
      clearTimeout(timer);
    }
    // The extension host and the language server are in the same group; make sure none survives.
    this.killGroup();
    running.delete(this);
    if (this.removeProfile) {
      rmSync(this.profileDir, { recursive: true, force: true });
    }
  }
}
