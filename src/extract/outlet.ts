// Which outlet published an article: from the URL's host, or from site furniture that names the outlet.
import { anyOf, each, loadExtractData } from './data.js';

interface OutletFile {
  hosts: Record<string, string>;
  phrases: string[];
}

const data = loadExtractData<OutletFile>('outlets.json');
const hosts = new Map(Object.entries(data.hosts));
const phrases = each(data.phrases);
const phraseFilter = anyOf(data.phrases);

/** The URL's host without a leading "www.", or null when the URL cannot be parsed. */
export function hostName(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The outlet named in outlets.json for the URL's host or its nearest listed parent domain. */
export function knownOutletForUrl(url: string | null | undefined): string | null {
  let host = hostName(url);
  while (host) {
    const name = hosts.get(host);
    if (name) return name;
    const dot = host.indexOf('.');
    host = dot < 0 ? null : host.slice(dot + 1);
  }
  return null;
}

/** The outlet a line of site furniture names ("X brings you the latest…", "© 2024 X"), else null. */
export function outletFromLine(line: string): string | null {
  if (line.length > 300 || !phraseFilter.test(line)) return null;
  for (const pattern of phrases) {
    const name = pattern.exec(line)?.[1]?.trim().replace(/[\s.,:;|]+$/u, '');
    if (name && /\p{Lu}/u.test(name)) return name;
  }
  return null;
}
