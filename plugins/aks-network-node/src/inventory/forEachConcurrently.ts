/**
 * Runs `task` for every item with at most `limit` in flight, items taken in order. The
 * pipeline already bounds requests per subscription; this bound keeps one read from
 * queueing hundreds of SDK operations at once, so an abort or a failed subscription
 * stops early. The backend's sync reads its subscriptions through it too.
 *
 * @public
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await task(item);
    }
  };
  const workers = Array.from(
    { length: Math.max(1, Math.min(limit, items.length)) },
    worker,
  );
  await Promise.all(workers);
}
