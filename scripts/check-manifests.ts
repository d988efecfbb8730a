// `npm run check:manifests` (part of `npm test`, after the build): reads the built manifests
// (.output/chrome-mv3 and .output/firefox-mv3, or PL_OUT_DIR), resolves `__MSG_…__` against the
// `_locales` shipped beside each, and fails on what a store or browser would reject or ignore:
// a name or description over the store limits in any shipped locale, a reserved command key of
// the wrong manifest version (the Firefox shortcut bug), a missing popup shortcut, or (Chrome) a
// web-accessible resource reachable at the static, fingerprintable URL, a missing or unreadable
// matcher.bin (the bundled matcher every frame fetches), or a permission that
// PERMISSIONS.md does not justify (the list below is exactly the manifest's; no host permission).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  commandProblems,
  DESCRIPTION_MAX,
  NAME_MAX,
  textProblems,
  type ManifestLike,
  type Messages,
} from './lib/manifest-rules.ts';
import { readMatcherFile } from '../lib/core/term-matcher-file.ts';
import { BUILD_OUT, PROJECT_ROOT, BUILD_TARGETS, POPUP_SHORTCUT } from './lib/targets.ts';

const ROOT = PROJECT_ROOT;
const OUT = BUILD_OUT;
const SHORTCUT = POPUP_SHORTCUT;
const problems: string[] = [];

/** The manifest's permissions, each justified in PERMISSIONS.md; anything else is a problem. */
const EXPECTED_PERMISSIONS = ['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'];

function readLocales(dir: string): Record<string, Messages> {
  const base = join(dir, '_locales');
  if (!existsSync(base)) return {};
  const out: Record<string, Messages> = {};
  for (const locale of readdirSync(base)) {
    const file = join(base, locale, 'messages.json');
    if (existsSync(file)) out[locale] = JSON.parse(readFileSync(file, 'utf8')) as Messages;
  }
  return out;
}

function matcherFileProblems(
  dir: string,
  target: string,
  war: Array<{ resources?: string[]; use_dynamic_url?: boolean }> | undefined,
): string[] {
  const file = join(dir, 'matcher.bin');
  if (!existsSync(file)) return [`${target}: matcher.bin is not in the package`];
  const out: string[] = [];
  const bytes = readFileSync(file);
  try {
    const { matcher } = readMatcherFile(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    // the names are read at a frame's first match: read them here, so a bad section fails the build
    if (matcher.ids.length === 0 || !matcher.fold) throw new Error('no concepts, or no Han folding table');
  } catch (e) {
    out.push(`${target}: matcher.bin does not read: ${(e as Error).message}`);
  }
  if (!war?.some((r) => r.resources?.includes('matcher.bin')))
    out.push(`${target}: matcher.bin is not a web_accessible_resource (frames fetch it)`);
  return out;
}

// Every source locale must ship: a locale added to public/_locales is then checked here too.
const sourceLocales = Object.keys(readLocales(join(ROOT, 'public'))).sort();

for (const target of BUILD_TARGETS) {
  const dir = join(OUT, target);
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) {
    problems.push(`${target}: no ${relative(ROOT, file)} (run npm run build)`);
    continue;
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as ManifestLike;
  const locales = readLocales(dir);
  const shipped = Object.keys(locales).sort();
  const missing = sourceLocales.filter((l) => !shipped.includes(l));
  if (missing.length)
    problems.push(`${target}: locales in public/_locales not shipped: ${missing.join(', ')}`);
  if (manifest.manifest_version !== 3)
    problems.push(`${target}: manifest_version ${String(manifest.manifest_version)}, expected 3`);
  problems.push(
    ...textProblems(manifest, locales, target),
    ...commandProblems(manifest, target, target.split('-')[0]),
  );
  // The store packages carry the licences (wxt.config.ts, hook build:publicAssets).
  // So do pdf.js's character maps, without which a PDF with CJK fonts it does not embed has no text.
  for (const f of [
    'LICENSE.txt',
    'NOTICE.txt',
    'LICENSE-corpus.txt',
    'pdfjs/cmaps/LICENSE',
    'pdfjs/cmaps/UniGB-UCS2-H.bcmap',
    'pdfjs/cmaps/Adobe-GB1-UCS2.bcmap',
    'pdfjs/cmaps/UniJIS-UCS2-H.bcmap',
    'pdfjs/cmaps/Adobe-Japan1-UCS2.bcmap',
    'pdfjs/cmaps/UniCNS-UCS2-H.bcmap',
  ])
    if (!existsSync(join(dir, f))) problems.push(`${target}: ${f} is not in the package`);
  // A web-accessible file at our static URL lets any page learn that we are installed (Chrome's
  // URL holds the public id); Chrome's dynamic URL is per session. Firefox URLs are per install.
  const war = (
    manifest as { web_accessible_resources?: Array<{ resources?: string[]; use_dynamic_url?: boolean }> }
  ).web_accessible_resources;
  if (target.startsWith('chrome') && war?.some((r) => r.use_dynamic_url !== true))
    problems.push(`${target}: a web_accessible_resources entry without use_dynamic_url: true`);
  // Every frame fetches the bundled matcher from its extension URL (lib/page/page-matcher.ts):
  // it must be in the package, readable, and web-accessible (dynamically, in Chrome: above).
  problems.push(...matcherFileProblems(dir, target, war));
  const perms = manifest as { permissions?: string[]; host_permissions?: string[] };
  const got = [...(perms.permissions ?? [])].sort();
  if (got.join() !== EXPECTED_PERMISSIONS.join())
    problems.push(`${target}: permissions ${got.join(', ')}, expected ${EXPECTED_PERMISSIONS.join(', ')}`);
  if ((perms.host_permissions ?? []).length > 0)
    problems.push(`${target}: host_permissions ${perms.host_permissions!.join(', ')}, expected none`);
  const open = manifest.commands?._execute_action as { suggested_key?: { default?: string } } | undefined;
  if (open?.suggested_key?.default !== SHORTCUT)
    problems.push(`${target}: _execute_action does not suggest ${SHORTCUT}`);
  console.log(
    `check:manifests ${target}: MV${String(manifest.manifest_version)}, locales ${shipped.join(', ')}`,
  );
}

if (problems.length) {
  console.error('✖ check:manifests found problems:\n' + problems.map((p) => '  ' + p).join('\n'));
  process.exit(1);
}
console.log(
  `✔ check:manifests: names ≤ ${NAME_MAX} and descriptions ≤ ${DESCRIPTION_MAX} characters in every locale; ` +
    `commands valid for MV3; ${SHORTCUT} opens the popup; licences packaged; matcher.bin readable and ` +
    `web-accessible (dynamic URL in Chrome); permissions as justified`,
);
