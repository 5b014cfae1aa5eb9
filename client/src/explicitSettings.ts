// The settings the user set, without VS Code's defaults, for the server's `workspace/configuration`
// requests: a project's fmatlas.config.json applies under what the user set and over the defaults,
// so the server must be able to tell a setting left alone from one set to its default value. No
// VS Code import here, so that the rule is tested under Node (explicitSettings.test.ts).

import { DEFAULT_SETTINGS } from '../../shared/settings';

/** What `WorkspaceConfiguration.inspect` gives for a setting, in the fields read here. */
export interface InspectedSetting {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/** The keys of every FM Atlas setting under the section, as VS Code names them (`claims.severity.untagged-claim`). */
export function listSettingKeys(value: object = DEFAULT_SETTINGS, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) => {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    return child !== null && typeof child === 'object' && !Array.isArray(child) ? listSettingKeys(child, name) : [name];
  });
}

/**
 * The settings the user set, nested as the server reads them: for each key, the value of the most
 * specific scope that sets it (folder, then workspace, then user); keys set nowhere are left out.
 */
export function collectExplicitSettings(
  inspect: (key: string) => InspectedSetting | undefined,
): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const key of listSettingKeys()) {
    const inspected = inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value === undefined) {
      continue;
    }
    const path = key.split('.');
    let node = settings;
    for (const part of path.slice(0, -1)) {
      node = (node[part] ??= {}) as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return settings;
}
