/** Runs `load` for every key, at most `parallel` at once, keeping the order of `keys`. */
export async function mapParallel<K, V>(keys: readonly K[], parallel: number, load: (key: K) => Promise<V>): Promise<V[]> {
  const results = new Array<V>(keys.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const index = next++;
      results[index] = await load(keys[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, keys.length) }, worker));
  return results;
}
