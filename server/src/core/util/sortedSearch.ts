// Binary search, which the indexes of large files use everywhere (offsets, line starts, chunks,
// ranked hits): one helper, so that its boundaries are written and tested once.

/**
 * The first index in [from, to) for which `isBefore` is false, or `to`, where `isBefore` holds for a
 * prefix of the range and not after it: where a value goes in a sorted list.
 */
export function partitionPoint(from: number, to: number, isBefore: (index: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isBefore(middle)) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/**
 * The last index in [from, to] whose value is at most `value` (values ascending), or `from` when
 * none is: the line that holds an offset, given the lines' start offsets.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number, from = 0, to = sorted.length - 1): number {
  return Math.max(from, partitionPoint(from, to + 1, (index) => sorted[index] <= value) - 1);
}
