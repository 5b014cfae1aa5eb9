// Type guards for the arguments clients send to server commands. Each checks what it claims at run
// time, so a handler can read a field with the type the contract gives it.

import type { CommandPosition, CommandRange, RecordKind } from '../../../../shared/commands';

/** Whether a value is an object whose fields can be read (not null, not an array). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value is a string. */
export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Whether a value is an array of strings. */
export function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every(isString);
}

/** Whether a value is one of a fixed set of strings. */
export function isOneOf<T extends string>(choices: readonly T[], value: unknown): value is T {
  return choices.some((choice) => choice === value);
}

/** Whether a value is absent (undefined or null, as JSON may send it) or passes a guard. */
export function isOptional<T>(value: unknown, guard: (value: unknown) => value is T): value is T | undefined | null {
  return value === undefined || value === null || guard(value);
}

/** Whether a value is a catalogue record kind. */
export function isRecordKind(value: unknown): value is RecordKind {
  return isOneOf(['model', 'dataset'], value);
}

/** Whether a value is an LSP position: a line and a UTF-16 character, whole numbers from 0. */
export function isPosition(value: unknown): value is CommandPosition {
  return isRecord(value) && isCount(value.line) && isCount(value.character);
}

/** Whether a value is an LSP range. */
export function isRange(value: unknown): value is CommandRange {
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
