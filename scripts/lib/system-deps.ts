// The Debian packages the project needs beyond npm: the browsers the e2e tests, benches and
// `npm start` drive (no browser downloads: these machines reach only the npm and Debian
// registries), Chromium's locale files (the Japanese and Chinese UI tests) and a CJK font (the
// screenshots and the real-page tests render Han and kana). One detection for `npm start`
// (README's first command) and `.ci/run`, both through scripts/setup-system.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemPackage {
  /** Debian package name. */
  name: string;
  why: string;
  /** True when the machine already has what the package provides. */
  present(probe: Probe): boolean;
}

/** What the checks may look at; injected so tests do not depend on this machine. */
export interface Probe {
  env: NodeJS.ProcessEnv;
  exists(path: string): boolean;
  /** dpkg's view of a package; undefined where there is no dpkg (not Debian). */
  dpkgInstalled(pkg: string): boolean | undefined;
}

export const SYSTEM_PACKAGES: SystemPackage[] = [
  {
    name: 'chromium',
    why: 'e2e tests, benches and npm start',
    present: (p) => (p.env.CHROMIUM_PATH ? p.exists(p.env.CHROMIUM_PATH) : p.exists('/usr/bin/chromium')),
  },
  {
    name: 'chromium-l10n',
    why: 'Chromium UI locales for the Japanese and Chinese e2e tests',
    // A CHROMIUM_PATH build brings its own locales.
    present: (p) =>
      Boolean(p.env.CHROMIUM_PATH) ||
      (p.dpkgInstalled('chromium-l10n') ?? p.exists('/usr/lib/chromium/locales/ja.pak')),
  },
  {
    name: 'firefox-esr',
    why: 'Firefox e2e tests',
    present: (p) =>
      p.env.FIREFOX_PATH
        ? p.exists(p.env.FIREFOX_PATH)
        : p.exists('/usr/bin/firefox-esr') || p.exists('/usr/bin/firefox'),
  },
  {
    name: 'fonts-noto-cjk',
    why: 'Han and kana glyphs for screenshots and real-page tests',
    present: (p) =>
      p.dpkgInstalled('fonts-noto-cjk') ?? p.exists('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  },
];

export function missingPackages(probe: Probe, packages: SystemPackage[] = SYSTEM_PACKAGES): string[] {
  return packages.filter((p) => !p.present(probe)).map((p) => p.name);
}

/** The apt-get commands that install `missing` (run as root, non-interactive). */
export function aptCommands(missing: string[]): string[][] {
  if (!missing.length) return [];
  return [
    ['apt-get', 'update', '-q'],
    ['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...missing],
  ];
}

/** The one line a non-root user pastes to install `missing`. */
export function sudoInstallLine(missing: string[]): string {
  if (!missing.length) return '';
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`;
}

export type SetupPlan =
  | { kind: 'ready' }
  | { kind: 'install'; missing: string[]; commands: string[][] }
  | { kind: 'ask'; missing: string[]; message: string };

/** What to do about `missing`: nothing, install it (root with apt-get), or tell the user the line. */
export function planSetup(missing: string[], isRoot: boolean, hasApt: boolean): SetupPlan {
  if (!missing.length) return { kind: 'ready' };
  if (isRoot && hasApt) return { kind: 'install', missing, commands: aptCommands(missing) };
  const why = SYSTEM_PACKAGES.filter((p) => missing.includes(p.name))
    .map((p) => `  ${p.name}: ${p.why}`)
    .join('\n');
  const message = hasApt
    ? `Policy Lens needs these Debian packages:\n${why}\nInstall them with this one line, then run the command again:\n\n  ${sudoInstallLine(missing)}\n`
    : `Policy Lens needs these packages (Debian names):\n${why}\n` +
      'Install them with your package manager, or point CHROMIUM_PATH / FIREFOX_PATH at the browsers, then run the command again.\n';
  return { kind: 'ask', missing, message };
}

/** The probe of this machine. */
export function systemProbe(env: NodeJS.ProcessEnv = process.env): Probe {
  const hasDpkg = commandExists('dpkg-query');
  return {
    env,
    exists: existsSync,
    dpkgInstalled(pkg) {
      if (!hasDpkg) return undefined;
      try {
        const status = execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        return status.trim() === 'install ok installed';
      } catch {
        return false; // dpkg-query exits 1 for a package it has never seen
      }
    },
  };
}

export function commandExists(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * Makes sure the system packages are there: returns when they are (installing them first when
 * running as root), otherwise prints the one install line and exits 1.
 */
export function ensureSystemPackages(label: string): void {
  const missing = missingPackages(systemProbe());
  const plan = planSetup(missing, isRoot(), commandExists('apt-get'));
  if (plan.kind === 'ready') return;
  if (plan.kind === 'ask') {
    console.error(`✖ ${label}: ${plan.message}`);
    process.exit(1);
  }
  console.log(`${label}: installing ${plan.missing.join(' ')} with apt-get`);
  for (const [cmd = '', ...args] of plan.commands) {
    const r = spawnSync(cmd, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) {
      console.error(`✖ ${label}: ${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal ?? 'an error'}`);
      process.exit(1);
    }
  }
  const still = missingPackages(systemProbe());
  if (still.length) {
    console.error(`✖ ${label}: still missing after apt-get: ${still.join(' ')}`);
    process.exit(1);
  }
}
