// Binary search over ascending numbers (offsets, line starts, counts), which the indexes of large
// files use everywhere: one helper, so that its boundaries are written and tested once.

/**
 * The last index in [from, to] whose value is at most `value` (values ascending), or `from` when
 * none is: the line that holds an offset, given the lines' start offsets.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number, from = 0, to = sorted.length - 1): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sorted[middle] <= value) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}
