// Overlapping slow work (fetching the links of feed items and records) while keeping the input order.

/**
 * Applies `fn` to each item with up to `limit` calls in flight and yields the results in input order.
 * `fn` must not reject (return the failure as a value): a rejection waiting in the window would be unhandled.
 */
export async function* mapOrdered<T, R>(items: AsyncIterable<T> | Iterable<T>, limit: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const window: Array<Promise<R>> = [];
  for await (const item of items) {
    window.push(fn(item));
    if (window.length >= limit) yield await (window.shift() as Promise<R>);
  }
  while (window.length > 0) yield await (window.shift() as Promise<R>);
}
