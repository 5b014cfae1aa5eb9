// The name of FM Atlas's settings section. It lives in a file without VS Code imports so that the
// manifest test can use it.

/**
 * The settings section: every setting in package.json starts with `fmAtlas.`. The language client
 * id must equal it, because vscode-languageclient reads `<client id>.trace.server`.
 */
export const SETTINGS_SECTION = 'fmAtlas';
