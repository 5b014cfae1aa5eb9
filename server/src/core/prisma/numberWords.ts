// Numbers below a hundred written in words, as style guides ask at the start of a sentence and for
// small counts ("Thirteen of the 26 studies", "twenty-one reports"): read where manuscripts state
// counts, and written back in words where a fix replaces one.

const SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/**
 * A number from two to ninety-nine in words, anywhere in a text: "Thirteen", "twenty-one", "forty
 * four". "one" alone is left out: it is a pronoun and an article far more often than a count ("one of
 * the reviewers", "at least one").
 */
export const NUMBER_IN_WORDS = new RegExp(
  `(?<![\\w-])(?:(?:${TENS.slice(2).join('|')})(?:[- ](?:${SMALL.slice(1, 10).join('|')}))?|(?:${SMALL.slice(2).join('|')}))(?![\\w-])`,
  'gi',
);

/** The value of a number in words ("Twenty-one" -> 21), or undefined when the text is not one. */
export function readNumberInWords(text: string): number | undefined {
  const [first, second] = text.toLowerCase().split(/[- ]/);
  const small = SMALL.indexOf(first);
  if (small !== -1 && second === undefined) {
    return small;
  }
  const tens = TENS.indexOf(first);
  const unit = second === undefined ? 0 : SMALL.indexOf(second);
  return tens >= 2 && unit >= 0 && unit < 10 ? tens * 10 + unit : undefined;
}

/** A number below a hundred in words, capitalised like `like` ("Thirteen" for "Fourteen"); undefined from a hundred on. */
export function writeNumberInWords(count: number, like = ''): string | undefined {
  if (!Number.isInteger(count) || count < 0 || count > 99) {
    return undefined;
  }
  const word =
    count < 20 ? SMALL[count] : `${TENS[Math.floor(count / 10)]}${count % 10 ? `-${SMALL[count % 10]}` : ''}`;
  return /^[A-Z]/.test(like) ? `${word.charAt(0).toUpperCase()}${word.slice(1)}` : word;
}
