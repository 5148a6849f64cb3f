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
}

export const defaultReadOptions: ReadOptions = {
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 15_000,
  allowPrivate: false,
  maxRedirects: 5,
  userAgent: 'sitrep/0.1 (news situation reports)',
};
