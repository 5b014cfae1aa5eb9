// What a diagnostic rule is. Each rule lives in one file that exports its rule object: the codes it
// reports with their default severities, whether users may change them, the check, the quick fixes
// and examples; registry.ts lists every rule. Defaults are written only here, in the rule objects:
// settings, the README and `fm-atlas lint --rules` are checked against the registry by tests.

import type { CoreConfig } from '../../config';
import type { TextEdit } from '../../text/textRange';
import type { DocumentKind, SourceDocument, Workspace } from '../../workspace/workspace';
import type { ClaimContext } from './claims/claimContext';
import type { CoreDiagnostic, DiagnosticOptions, Severity } from './diagnosticTypes';

/**
 * A diagnostic as a rule's check reports it, without a severity: collectDiagnostics gives it the
 * registry's default for its code or the user's setting, so that no check can disagree with either.
 */
export type RuleDiagnostic = Omit<CoreDiagnostic, 'severity'>;

/** What a rule's check reads. */
export interface RuleContext {
  readonly workspace: Workspace;
  readonly document: SourceDocument;
  readonly config: CoreConfig;
  readonly options: DiagnosticOptions;
  /**
   * The sentences, mentions and citation links the claim rules share, built on first use and once
   * per document however many rules read it; undefined when the document is not a manuscript that
   * cites (a LaTeX or Markdown document without a bibliography, or another kind of document).
   */
  readonly claims: () => ClaimContext | undefined;
}

/** What a rule's quick fixes read: the document the fixes are asked for. */
export interface FixContext {
  readonly workspace: Workspace;
  readonly uri: string;
  readonly document: SourceDocument;
  readonly config: CoreConfig;
}

/** One quick fix: a title, its edits, and the diagnostic it resolves. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly diagnostic: CoreDiagnostic;
  readonly isPreferred: boolean;
}

/**
 * A minimal fixture (the format of server/src/core/testing/fixture.ts) and what the rule reports on
 * it. The registry test runs every example, so each rule has at least one test beside its code.
 */
export interface RuleExample {
  readonly fixture: string;
  /** The fixture file whose diagnostics are checked; the first file when absent. */
  readonly path?: string;
  /** `code text` for each diagnostic of this rule's codes in that file, in order; text is what the range covers. */
  readonly reports: readonly string[];
  /** The titles of the quick fixes of those diagnostics, in order; not checked when absent. */
  readonly fixes?: readonly string[];
}

/** A diagnostic rule: one check, the codes it reports, and their quick fixes. */
export interface DiagnosticRule {
  /** The rule's name: its code when it reports one (`undefined-key`), else its family (`bib-syntax`). */
  readonly name: string;
  /**
   * Every code the rule reports, each with its default severity. Most rules report one; the BibTeX
   * syntax and catalogue file rules report one code per kind of problem, as users disable them.
   */
  readonly codes: Readonly<Record<string, Severity>>;
  /** The kinds of document the check runs on. */
  readonly documentKinds: readonly DocumentKind[];
  /**
   * Whether users may change the severity of the rule's codes or turn them off, with the settings
   * `fmAtlas.claims.severity.<code>` (named so because the claim rules were the first to have them).
   */
  readonly configurable: boolean;
  /** One line for the documentation. */
  readonly summary: string;
  /** The rule's diagnostics in one document. */
  readonly check: (context: RuleContext) => RuleDiagnostic[];
  /** The quick fixes of one of the rule's diagnostics. */
  readonly fixes?: (context: FixContext, diagnostic: CoreDiagnostic) => QuickFix[];
  readonly examples: readonly RuleExample[];
}
