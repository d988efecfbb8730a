// Localised names for enums shown in the UI.
import type { Category } from '../lib/core/types.ts';
import { type MessageKey, t } from '../lib/i18n.ts';

const CATEGORY_KEYS: Record<Category, MessageKey> = {
  formulation: 'catFormulation',
  plan: 'catPlan',
  campaign: 'catCampaign',
  institution: 'catInstitution',
  document: 'catDocument',
  person: 'catPerson',
  place: 'catPlace',
  event: 'catEvent',
  ideology: 'catIdeology',
};

export function categoryName(c: Category): string {
  return t(CATEGORY_KEYS[c]);
}

/** "N occurrences" with the singular form where the language has one. */
export function occurrences(n: number): string {
  return n === 1 ? t('occurrenceCountOne') : t('occurrenceCount', n);
}
