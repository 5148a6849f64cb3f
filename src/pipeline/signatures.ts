// Copy-detection keys are derived from each article's text (merge/copies.ts). A store written by a sitrep that
// derived them otherwise would silently stop matching its older articles, so before new articles are looked up,
// every stored article is signed again, a page per transaction, and the store records which derivation its keys
// follow. Killed midway, the next run starts over: signing is idempotent.
import { COPY_KEYS, fingerprint } from '../merge/copies.js';
import { inBatch } from '../store/batch.js';
import type { Repository } from '../store/repository.js';

const SETTING = 'copy-keys';
const PAGE = 500;

/** Signs every stored article again when the store's keys are not of the current derivation; returns how many. */
export async function refreshSignatures(repo: Repository): Promise<number> {
  if ((await repo.getSetting(SETTING)) === COPY_KEYS) return 0;
  let signed = 0;
  for (let after = 0; ; ) {
    const page = await repo.digests(after, PAGE);
    if (page.rows.length === 0) break;
    after = page.next;
    await inBatch(repo, async () => {
      for (const { article } of page.rows) await repo.putSignature(article.id, fingerprint(article.text).keys);
    });
    signed += page.rows.length;
  }
  await repo.putSetting(SETTING, COPY_KEYS);
  return signed;
}
