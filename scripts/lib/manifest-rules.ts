// Store rules for a built manifest, checked by scripts/check-manifests.ts on .output/*/manifest.json
// and by the unit tests on public/_locales. Pure functions: the caller reads the files.
//
// Limits (Chrome manifest docs; MDN says the same for Firefox's description):
// - description: plain text, at most 132 characters (the Chrome Web Store rejects longer ones);
// - name: at most 75 characters.
// Commands: the reserved key that opens the toolbar popup is `_execute_action` in Manifest V3 and
// `_execute_browser_action` / `_execute_page_action` in V2; a key of the other version is ignored
// by the browser, so the shortcut silently does nothing.

export const DESCRIPTION_MAX = 132;
export const NAME_MAX = 75;

/** One locale's messages.json: `{ key: { message, description? } }`. */
export type Messages = Record<string, { message?: unknown } | undefined>;

export interface ManifestLike {
  manifest_version?: unknown;
  name?: unknown;
  description?: unknown;
  default_locale?: unknown;
  commands?: Record<string, unknown>;
}

const MSG = /^__MSG_(\w+)__$/;

/**
 * Counts what the stores count: characters, not bytes. Code points (an emoji is one character);
 * for the BMP scripts we ship (Latin, Han, kana, Vietnamese) this equals the UTF-16 length.
 */
export function charCount(text: string): number {
  return [...text].length;
}

/**
 * The manifest value as the browser shows it in `locale`: a `__MSG_key__` placeholder resolves to
 * that locale's message, falling back to the default locale (the browsers' rule). Returns
 * undefined when neither locale has the key.
 */
export function resolveInLocale(
  value: string,
  locale: string,
  locales: Record<string, Messages>,
  defaultLocale: string,
): string | undefined {
  const m = MSG.exec(value);
  if (!m) return value;
  const key = m[1] ?? '';
  // Chrome matches message keys case-insensitively; our files use one spelling, so look both up.
  const pick = (msgs: Messages | undefined) => {
    if (!msgs) return undefined;
    const hit = msgs[key] ?? Object.entries(msgs).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    return typeof hit?.message === 'string' ? hit.message : undefined;
  };
  return pick(locales[locale]) ?? pick(locales[defaultLocale]);
}

/** Store-text problems of one manifest: name and description in every locale. */
export function textProblems(
  manifest: ManifestLike,
  locales: Record<string, Messages>,
  label: string,
): string[] {
  const problems: string[] = [];
  const defaultLocale = typeof manifest.default_locale === 'string' ? manifest.default_locale : '';
  const usesMessages = [manifest.name, manifest.description].some(
    (v) => typeof v === 'string' && MSG.test(v),
  );
  if (usesMessages && !defaultLocale) problems.push(`${label}: __MSG_…__ used but no default_locale`);
  if (defaultLocale && !locales[defaultLocale])
    problems.push(
      `${label}: default_locale "${defaultLocale}" has no _locales/${defaultLocale}/messages.json`,
    );
  const names = Object.keys(locales).length ? Object.keys(locales).sort() : [defaultLocale];
  const fields: Array<[string, unknown, number]> = [
    ['name', manifest.name, NAME_MAX],
    ['description', manifest.description, DESCRIPTION_MAX],
  ];
  for (const [field, raw, max] of fields) {
    if (typeof raw !== 'string') {
      if (field === 'name') problems.push(`${label}: no name`);
      continue;
    }
    for (const locale of names) {
      const text = resolveInLocale(raw, locale, locales, defaultLocale);
      if (text === undefined) {
        problems.push(
          `${label} [${locale}]: ${field} ${raw} has no message in ${locale} or ${defaultLocale}`,
        );
        continue;
      }
      const n = charCount(text);
      if (n > max)
        problems.push(
          `${label} [${locale}]: ${field} is ${n} characters, over the store limit of ${max}: "${text}"`,
        );
    }
  }
  return problems;
}

/** Reserved command keys per manifest version (Firefox keeps page and sidebar actions in MV3). */
function reservedKeys(version: number, browser: string): { valid: string[]; invalid: string[] } | undefined {
  const firefox = browser === 'firefox';
  const sidebar = firefox ? ['_execute_sidebar_action'] : [];
  if (version === 3)
    return {
      valid: ['_execute_action', ...(firefox ? ['_execute_page_action'] : []), ...sidebar],
      invalid: ['_execute_browser_action', ...(firefox ? [] : ['_execute_page_action'])],
    };
  if (version === 2)
    return {
      valid: ['_execute_browser_action', '_execute_page_action', ...sidebar],
      invalid: ['_execute_action'],
    };
  return undefined;
}

/** Every reserved `_execute_*` command key must exist in the manifest's version and browser. */
export function commandProblems(manifest: ManifestLike, label: string, browser = 'chrome'): string[] {
  const version = manifest.manifest_version;
  const rules = typeof version === 'number' ? reservedKeys(version, browser) : undefined;
  if (!rules) return [`${label}: unknown manifest_version ${String(version)}`];
  const problems: string[] = [];
  for (const key of Object.keys(manifest.commands ?? {})) {
    if (rules.invalid.includes(key))
      problems.push(
        `${label}: command ${key} does not exist in Manifest V${version} (the popup opens with _execute_${version === 3 ? 'action' : 'browser_action'}); the shortcut would do nothing`,
      );
    else if (key.startsWith('_execute_') && !rules.valid.includes(key))
      problems.push(`${label}: unknown reserved command ${key} for ${browser} MV${version}`);
  }
  return problems;
}
