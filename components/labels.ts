// Localised names for enums and counts shown in the UI (messages in public/_locales).
import { categoryRow } from '../lib/core/categories.ts';
import type { Category } from '../lib/core/types.ts';
import { type MessageKey, t } from '../lib/i18n.ts';

/** The category's name: its table row's message (lib/core/categories.ts). */
export function categoryName(c: Category): string {
  const key: MessageKey = categoryRow(c).message; // a row whose message is not in en fails here
  return t(key);
}

/** A document the user imported (issue #12: ids `user-…`, meta `origin: 'user'`), not a bundled one. */
export function isUserDoc(docId: string, doc?: { origin?: 'user' | undefined }): boolean {
  return doc?.origin === 'user' || docId.startsWith('user-');
}

/** "N occurrences" with the singular form where the language has one. */
export function occurrences(n: number): string {
  return n === 1 ? t('occurrenceCountOne') : t('occurrenceCount', n);
}

/** "N passages in M documents of the corpus" (the card), singular forms where they exist. */
export function inCorpus(passages: number, docs: number): string {
  const p = passages === 1 ? t('passageCountOne') : t('passageCount', passages);
  const d = docs === 1 ? t('documentCountOne') : t('documentCount', docs);
  return t('cardInCorpus', [p, d]);
}
