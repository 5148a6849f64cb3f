// Cleaning the metadata a feed item or a JSON record supplies, so every reader hands on the same shapes.

/** Trimmed, whitespace collapsed, capped; undefined when nothing is left. */
export function cleanHint(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = value.slice(0, 4000).replace(/\s+/g, ' ').trim().slice(0, 1000);
  return clean || undefined;
}

/** A publication date as ISO 8601 when it can be read (RFC 822 pubDate, ISO, ...); else undefined. */
export function normalizePublished(value: string | undefined | null): string | undefined {
  const clean = cleanHint(value);
  if (!clean) return undefined;
  const time = Date.parse(clean);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** RSS <author> is "email (Name)" by the spec; the name is the byline. */
export function bylineFromAuthor(value: string | undefined | null): string | undefined {
  const clean = cleanHint(value);
  const named = clean && /^\S+@\S+\s*\((.+)\)$/.exec(clean);
  return named ? named[1].trim() : clean;
}

export function isHttpLink(value: string | undefined): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
