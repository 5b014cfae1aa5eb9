// Reads the `fmAtlas` settings from the client (workspace/configuration when supported, else the
// initialization options), and turns them into the core's configuration: globs become file URIs,
// a CSL style path becomes a registered style. Settings are never kept in module globals.

import { isAbsolute, join } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import {
  DEFAULT_SETTINGS,
  SEVERITY_SETTING_VALUES,
  type FmAtlasSettings,
  type SeveritySetting,
} from '../../../shared/settings';
import {
  DEFAULT_CORE_CONFIG,
  DIAGNOSTIC_RULES,
  hasCslStyle,
  registerCslStyle,
  SHEET_FIELDS,
  YEAR_BASES,
  type CatalogueLayer,
  type CoreConfig,
  type SheetField,
} from '../core';
import { readTextFile } from '../host/readTextFile';
import type { WorkspaceLoader } from '../host/workspaceLoader';

/** Merges what the client sent over the defaults, ignoring values of the wrong type. */
export function normalizeSettings(raw: unknown): FmAtlasSettings {
  const value = (raw ?? {}) as Record<string, any>;
  const strings = (candidate: unknown, fallback: readonly string[]) =>
    Array.isArray(candidate) ? candidate.filter((item): item is string => typeof item === 'string') : fallback;
  return {
    bibliography: { extraFiles: strings(value.bibliography?.extraFiles, DEFAULT_SETTINGS.bibliography.extraFiles) },
    citation: {
      commands: strings(value.citation?.commands, DEFAULT_SETTINGS.citation.commands),
      style:
        typeof value.citation?.style === 'string' && value.citation.style.trim() !== ''
          ? value.citation.style.trim()
          : DEFAULT_SETTINGS.citation.style,
    },
    catalogue: {
      files: strings(value.catalogue?.files, DEFAULT_SETTINGS.catalogue.files),
      builtIn:
        typeof value.catalogue?.builtIn === 'boolean' ? value.catalogue.builtIn : DEFAULT_SETTINGS.catalogue.builtIn,
    },
    claims: {
      severity: readSeverities(value.claims?.severity),
      flagOwnResults:
        typeof value.claims?.flagOwnResults === 'boolean'
          ? value.claims.flagOwnResults
          : DEFAULT_SETTINGS.claims.flagOwnResults,
    },
    metaAnalysis: {
      yearBasis: YEAR_BASES.includes(value.metaAnalysis?.yearBasis)
        ? value.metaAnalysis.yearBasis
        : DEFAULT_SETTINGS.metaAnalysis.yearBasis,
      sheetColumns: readSheetColumns(value.metaAnalysis?.sheetColumns),
    },
    review: {
      countsFile:
        typeof value.review?.countsFile === 'string' ? value.review.countsFile : DEFAULT_SETTINGS.review.countsFile,
      sheetFile:
        typeof value.review?.sheetFile === 'string' ? value.review.sheetFile : DEFAULT_SETTINGS.review.sheetFile,
    },
    diagnostics: {
      unusedEntries: {
        enabled:
          typeof value.diagnostics?.unusedEntries?.enabled === 'boolean'
            ? value.diagnostics.unusedEntries.enabled
            : DEFAULT_SETTINGS.diagnostics.unusedEntries.enabled,
        maxEntries:
          typeof value.diagnostics?.unusedEntries?.maxEntries === 'number'
            ? value.diagnostics.unusedEntries.maxEntries
            : DEFAULT_SETTINGS.diagnostics.unusedEntries.maxEntries,
        ignore: strings(value.diagnostics?.unusedEntries?.ignore, DEFAULT_SETTINGS.diagnostics.unusedEntries.ignore),
      },
    },
  };
}

/**
 * Puts a project configuration (fmatlas.config.json, read by `host/projectConfig.ts`) under the
 * settings the user set in the editor, both as given (before defaults): a value the user set wins,
 * else the project's applies, and lists add up (cite commands, extra bibliographies, catalogue globs,
 * ignored files). The project's paths are made absolute from its folder. Normalize the result with
 * {@link normalizeSettings}; the CLI passes no editor settings.
 */
export function applyProjectConfig(
  editor: unknown,
  project: Readonly<Record<string, unknown>>,
  projectFolder: string,
): Record<string, unknown> {
  const absolute = (path: unknown) =>
    typeof path === 'string' && !isAbsolute(path) ? join(projectFolder, path) : path;
  const values = project as Record<string, any>;
  const located = {
    ...values,
    ...(values.bibliography
      ? { bibliography: { ...values.bibliography, extraFiles: (values.bibliography.extraFiles ?? []).map(absolute) } }
      : {}),
    ...(values.citation?.style !== undefined && !hasCslStyle(values.citation.style)
      ? { citation: { ...values.citation, style: absolute(values.citation.style) } }
      : {}),
    // The review's files are named relative to the configuration file, like its bibliographies.
    ...(values.review
      ? {
          review: {
            ...values.review,
            ...(values.review.countsFile ? { countsFile: absolute(values.review.countsFile) } : {}),
            ...(values.review.sheetFile ? { sheetFile: absolute(values.review.sheetFile) } : {}),
          },
        }
      : {}),
  };
  return mergeSources(located, editor) as Record<string, unknown>;
}

/** Deep merge of two settings objects: objects by key, lists joined without repeats, else the later value. */
function mergeSources(under: unknown, over: unknown): unknown {
  if (over === undefined || over === null) {
    return under;
  }
  if (Array.isArray(under) && Array.isArray(over)) {
    return [...new Set([...under, ...over])];
  }
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isObject(under) && isObject(over)) {
    const merged: Record<string, unknown> = { ...under };
    for (const [key, value] of Object.entries(over)) {
      merged[key] = mergeSources(under[key], value);
    }
    return merged;
  }
  return over;
}

/**
 * The severities the client set for the codes of configurable rules, by code. A code left out, or
 * set to something else than a level or `off`, is left out, and takes the registry's default.
 */
function readSeverities(raw: unknown): FmAtlasSettings['claims']['severity'] {
  const given = (raw ?? {}) as Record<string, unknown>;
  const isSetting = (candidate: unknown): candidate is SeveritySetting =>
    (SEVERITY_SETTING_VALUES as readonly unknown[]).includes(candidate);
  const severities: Record<string, SeveritySetting> = {};
  for (const code of DIAGNOSTIC_RULES.filter((rule) => rule.configurable).flatMap((rule) => Object.keys(rule.codes))) {
    const candidate = given[code];
    if (isSetting(candidate)) {
      severities[code] = candidate;
    }
  }
  return severities;
}

/**
 * Asks the client for the settings as it gives them (VS Code's client gives only those the user set,
 * client/src/explicitSettings.ts); falls back to the initialization options. Normalize with
 * {@link normalizeSettings}, after {@link applyProjectConfig} where the project has a configuration.
 */
export async function fetchSettings(
  connection: Connection,
  canPull: boolean,
  initializationOptions: unknown,
): Promise<unknown> {
  if (canPull) {
    try {
      return (await connection.workspace.getConfiguration('fmAtlas')) ?? {};
    } catch {
      // A client that advertises but fails configuration requests still gets defaults.
    }
  }
  return (initializationOptions as { settings?: unknown } | undefined)?.settings ?? initializationOptions ?? {};
}

/** Turns settings into the core configuration, loading extra bibliographies, catalogue files, the review's named files and a custom CSL style. */
export async function resolveCoreConfig(
  settings: FmAtlasSettings,
  folders: readonly string[],
  loader: WorkspaceLoader,
  builtinCatalogueLayers: readonly CatalogueLayer[] | undefined,
  log: (message: string) => void,
): Promise<CoreConfig> {
  const extraBibliographies = await loader.resolveExtraFiles(settings.bibliography.extraFiles, folders);
  await loader.loadCatalogueFiles(settings.catalogue.files, folders);
  const review = {
    countsFile: await loader.loadReviewFile(settings.review.countsFile, 'prisma', folders[0]),
    sheetFile: await loader.loadReviewFile(settings.review.sheetFile, 'sheet', folders[0]),
  };
  if (settings.catalogue.builtIn && !builtinCatalogueLayers) {
    log('The built-in catalogue (data/catalogue next to the server) was not found; only catalogue files are used.');
  }
  let cslStyle = settings.citation.style;
  if (!hasCslStyle(cslStyle)) {
    const path = isAbsolute(cslStyle) || folders.length === 0 ? cslStyle : join(folders[0], cslStyle);
    // Read with the host's checks: a FIFO or /dev/zero named here must not stall the server.
    const read = await readTextFile(path);
    try {
      if ('skipped' in read) {
        throw new Error(read.skipped);
      }
      registerCslStyle(cslStyle, read.text);
    } catch (error) {
      log(
        `CSL style '${cslStyle}' is neither built in (apa, vancouver, harvard1) nor a readable file (${error instanceof Error ? error.message : String(error)}); using APA.`,
      );
      cslStyle = 'apa';
    }
  }
  return {
    ...DEFAULT_CORE_CONFIG,
    extraBibliographies,
    cslStyle,
    unusedEntries: settings.diagnostics.unusedEntries,
    // The host read the built-in catalogue once; the setting only decides whether the core gets it.
    builtinCatalogueLayers: settings.catalogue.builtIn ? (builtinCatalogueLayers ?? []) : [],
    severity: settings.claims.severity,
    claims: { flagOwnResults: settings.claims.flagOwnResults },
    review,
    stats: {
      yearBasis: settings.metaAnalysis.yearBasis,
      sheetColumns: readSheetColumns(settings.metaAnalysis.sheetColumns),
    },
  };
}

/** The extraction sheet's column mapping: known fields with a header name each; anything else is dropped. */
function readSheetColumns(value: unknown): Partial<Record<SheetField, string>> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(value).filter(
      ([field, header]) =>
        (SHEET_FIELDS as readonly string[]).includes(field) && typeof header === 'string' && header.trim() !== '',
    ),
  );
}
