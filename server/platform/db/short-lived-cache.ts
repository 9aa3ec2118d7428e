/**
 * A small per-process cache, one map per database handle (tests and the bench use several databases in one process),
 * whose entries expire `ttlMs` after they were stored (monotonic time, not the domain clock). For hot-path reads of
 * data that changes by administrative decision; each user states why its staleness is acceptable.
 */
export class ShortLivedCache<V> {
  private readonly byDb = new WeakMap<object, Map<string, { at: number; value: V }>>();

  constructor(
    private readonly ttlMs: number,
    /** Past this many entries for one handle the map starts again (a bound, not an eviction policy). */
    private readonly maxEntries: number,
  ) {}

  get(db: object, key: string): V | undefined {
    const hit = this.byDb.get(db)?.get(key);
    return hit && performance.now() - hit.at < this.ttlMs ? hit.value : undefined;
  }

  set(db: object, key: string, value: V): void {
    let entries = this.byDb.get(db);
    if (!entries) this.byDb.set(db, (entries = new Map<string, { at: number; value: V }>()));
    if (entries.size >= this.maxEntries) entries.clear();
    entries.set(key, { at: performance.now(), value });
  }

  /** Drops everything cached for this handle (after a change made in this process). */
  forget(db: object): void {
    this.byDb.delete(db);
  }
}
