/** Every item of an SDK pager (following `nextLink` to the last page). */
export async function collectAll<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) {
    result.push(item);
  }
  return result;
}
