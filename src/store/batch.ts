// Grouping many writes into one transaction, where the store offers it (SQLite does; PostgreSQL commits each).

/** A store that can group many writes into one transaction. */
export interface WriteBatching {
  /** Runs `work` in one transaction: every write it makes commits together, or none does. */
  inBatch<T>(work: () => Promise<T>): Promise<T>;
}

/** Runs `work` in one transaction where the store offers that, else as it comes. */
export function inBatch<T>(repo: object, work: () => Promise<T>): Promise<T> {
  return 'inBatch' in repo ? (repo as WriteBatching).inBatch(work) : work();
}
