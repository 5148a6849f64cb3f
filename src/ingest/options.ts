// Limits and switches for reading inputs; the CLI maps its flags onto these.
export interface ReadOptions {
  /** Largest document (after decompression) in bytes. */
  maxBytes: number;
  /** Deadline for one URL, redirects and body included. */
  timeoutMs: number;
  /** Let URLs reach loopback, private, link-local and similar addresses (off by default: SSRF guard). */
  allowPrivate: boolean;
  maxRedirects?: number;
  userAgent?: string;
  /** How many links (of feed items, of url-only records) are fetched at once; results keep their order. */
  fetchConcurrency?: number;
}

export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_USER_AGENT = 'sitrep/0.1 (news situation reports)';
export const DEFAULT_FETCH_CONCURRENCY = 4;

export const fetchConcurrency = (opts: ReadOptions): number => opts.fetchConcurrency ?? DEFAULT_FETCH_CONCURRENCY;

export const defaultReadOptions: ReadOptions = {
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 15_000,
  allowPrivate: false,
  maxRedirects: DEFAULT_MAX_REDIRECTS,
  userAgent: DEFAULT_USER_AGENT,
  fetchConcurrency: DEFAULT_FETCH_CONCURRENCY,
};
