import { describe, expect, it } from 'vitest';
import { missingPackages, planSetup, sudoInstallLine, type Probe } from './system-deps.ts';

const ALL = ['chromium', 'chromium-l10n', 'firefox-esr', 'fonts-noto-cjk'];

/** A machine with exactly `files` on disk and `debs` installed (dpkg present unless debs is null). */
function machine(files: string[], debs: string[] | null, env: NodeJS.ProcessEnv = {}): Probe {
  return {
    env,
    exists: (p) => files.includes(p),
    dpkgInstalled: (pkg) => (debs === null ? undefined : debs.includes(pkg)),
  };
}

describe('system package detection', () => {
  it('a fresh Debian machine misses all four packages', () => {
    expect(missingPackages(machine([], []))).toEqual(ALL);
  });

  it('a machine with the browsers, the locales and the font misses nothing', () => {
    const m = machine(['/usr/bin/chromium', '/usr/bin/firefox-esr'], ['chromium-l10n', 'fonts-noto-cjk']);
    expect(missingPackages(m)).toEqual([]);
  });

  it('honours CHROMIUM_PATH / FIREFOX_PATH and needs no chromium-l10n with a custom Chromium', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome', FIREFOX_PATH: '/opt/ff/firefox' };
    const m = machine(['/opt/chrome/chrome', '/opt/ff/firefox'], ['fonts-noto-cjk'], env);
    expect(missingPackages(m)).toEqual([]);
    // A CHROMIUM_PATH pointing nowhere counts as missing Chromium.
    expect(missingPackages(machine(['/opt/ff/firefox'], ['fonts-noto-cjk'], env))).toEqual(['chromium']);
  });

  it('falls back to files where there is no dpkg', () => {
    const m = machine(['/usr/bin/chromium', '/usr/lib/chromium/locales/ja.pak', '/usr/bin/firefox'], null);
    expect(missingPackages(m)).toEqual(['fonts-noto-cjk']);
  });
});

describe('set-up plan', () => {
  it('does nothing when nothing is missing', () => {
    expect(planSetup([], false, true)).toEqual({ kind: 'ready' });
  });

  it('installs with apt-get as root', () => {
    const plan = planSetup(['chromium', 'fonts-noto-cjk'], true, true);
    expect(plan.kind).toBe('install');
    if (plan.kind !== 'install') return;
    expect(plan.commands).toEqual([
      ['apt-get', 'update', '-q'],
      ['apt-get', 'install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'],
    ]);
  });

  it('as a normal user prints one sudo apt-get install line with exactly the missing packages', () => {
    const plan = planSetup(['chromium-l10n', 'firefox-esr'], false, true);
    expect(plan.kind).toBe('ask');
    if (plan.kind !== 'ask') return;
    const line = sudoInstallLine(['chromium-l10n', 'firefox-esr']);
    expect(line).toBe(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium-l10n firefox-esr',
    );
    const lines = plan.message.split('\n');
    expect(lines.filter((l) => l.includes('apt-get install'))).toEqual([`  ${line}`]);
    expect(plan.message).toContain('chromium-l10n: Chromium UI locales');
    expect(plan.message).not.toContain('fonts-noto-cjk');
  });

  it('without apt-get names the packages and the browser path variables instead of a sudo line', () => {
    const plan = planSetup(['chromium'], false, false);
    expect(plan.kind).toBe('ask');
    if (plan.kind !== 'ask') return;
    expect(plan.message).not.toContain('sudo');
    expect(plan.message).toContain('CHROMIUM_PATH');
  });
});
