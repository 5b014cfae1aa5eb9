// Parameter counts: stored as integers (catalogue schema v2), read from the text of older or
// hand-written files ("632M", "~307M (ViT-L/16)", "≈9 million"), and printed short for tables and
// cards ("632M", "1.1B").

const UNITS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};

/** A number with its unit: "632M", "1.1 B", "9 million", "1,100,000". */
const COUNT = /(\d+(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|m|b|t|thousand|million|billion|trillion)?(?![a-z])/i;

/** The longest text read as a count. */
const MAX_COUNT_TEXT = 200;

/** A parameter count read from text, and what else the text says (the note), if anything. */
export interface ReadParameterCount {
  readonly count: number | null;
  readonly note: string | null;
}

/**
 * Reads a parameter count written as text. The first number with a unit is the count ("7B and 34B"
 * reads 7B, and keeps the text as the note); a text with no count ("OpenFlamingo-9B backbone" has
 * one, "not reported" has none) gives a null count and keeps the text as the note.
 */
export function readParameterCount(text: string): ReadParameterCount {
  const trimmed = text.trim();
  // A count is written in a few words; a longer text is a note (and its parse stays bounded).
  if (trimmed.length > MAX_COUNT_TEXT) {
    return { count: null, note: trimmed };
  }
  const found = COUNT.exec(trimmed);
  const unit = found?.[2]?.toLowerCase();
  // A bare number below a thousand is a figure of something else ("24 layers"), not a count.
  const value = found ? Number(found[1].replace(/,/g, '')) * (unit ? UNITS[unit] : 1) : NaN;
  if (!found || !Number.isFinite(value) || value < 1000) {
    return { count: null, note: trimmed || null };
  }
  const count = Math.round(value);
  return { count, note: noteBeside(trimmed, found.index, found[0].length) };
}

/**
 * What a text says beside its count: "93.7M (ViT-B image encoder)" -> "ViT-B image encoder",
 * "~307M" -> "approximate". A text with a second count ("7B and 34B") or whose count is part of a
 * name ("OpenFlamingo-9B backbone") is kept whole.
 */
function noteBeside(text: string, at: number, length: number): string | null {
  const before = text.slice(0, at);
  const after = text.slice(at + length);
  const approximate = /[~≈≃]\s*$|\babout\s*$|\bapprox(?:\.|imately)?\s*$/i.test(before);
  const rest = `${before.replace(/(?:[~≈≃]|\babout|\bapprox(?:\.|imately)?)\s*$/i, '')} ${after}`
    .replace(/^[\s(,;:–-]+|[\s),;:.–-]+$/g, '')
    .trim();
  if (/[\w-]$/.test(before) || readParameterCount(rest).count !== null) {
    return text;
  }
  if (approximate) {
    return rest ? `approximate; ${rest}` : 'approximate';
  }
  return rest || null;
}

/** A count as a table prints it: 632M, 1.1B, 86M, 27.8M, 850K. */
export function formatParameterCount(count: number): string {
  const [divisor, suffix] =
    count >= 1e12
      ? [1e12, 'T']
      : count >= 1e9
        ? [1e9, 'B']
        : count >= 1e6
          ? [1e6, 'M']
          : count >= 1e3
            ? [1e3, 'K']
            : [1, ''];
  const scaled = count / divisor;
  const digits = scaled >= 100 || Number.isInteger(scaled) ? 0 : 1;
  return `${Number(scaled.toFixed(digits))}${suffix}`;
}
