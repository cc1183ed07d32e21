/**
 * What the public pages read from a territory's published data, kept in memory until the
 * territory's `searchVersion` moves (search-version.ts: the database bumps it with every write of
 * that data, in the writer's transaction). The caller reads the version first, then asks: a value
 * loaded meanwhile from newer data is only kept under the older version, so it is loaded again on
 * the next request; it is never served for a version it was not read at or after. Per process, like
 * the search's index; each instance checks the version on every request, so two instances agree.
 * At most `max` entries, the least recently used dropped first.
 */
export class ByVersion<V> {
  readonly #entries = new Map<string, { version: string; value: Promise<V> }>();
  constructor(private readonly max: number) {}

  /** The value of `key` at `version`: kept, or `load()`ed (concurrent askers share one load). */
  get(key: string, version: string | number, load: () => Promise<V>): Promise<V> {
    const at = String(version);
    const kept = this.#entries.get(key);
    this.#entries.delete(key);
    if (kept && kept.version === at) {
      this.#entries.set(key, kept);
      return kept.value;
    }
    const value = load();
    this.#entries.set(key, { version: at, value });
    // A failed load is not kept: the next request tries again.
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    while (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }
}
