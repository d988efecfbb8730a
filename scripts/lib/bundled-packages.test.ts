import { describe, expect, it } from 'vitest';
import { devOnlyShipped, lockPathOf, packageName, shippedPackages } from './bundled-packages.ts';

describe('shipped packages', () => {
  it('maps a module id to the innermost package of its node_modules path', () => {
    expect(lockPathOf('./node_modules/preact/dist/preact.module.js')).toBe('node_modules/preact');
    expect(lockPathOf('/x/node_modules/a/node_modules/@b/c/index.js')).toBe(
      'node_modules/a/node_modules/@b/c',
    );
    expect(lockPathOf('./lib/core/matcher.ts')).toBeNull();
    expect(lockPathOf('\0vite/preload-helper.js')).toBeNull();
    expect(packageName('node_modules/a/node_modules/@b/c')).toBe('@b/c');
  });

  it('counts only modules that rendered code', () => {
    expect(
      shippedPackages([
        { id: './node_modules/fuse.js/dist/fuse.mjs', renderedLength: 10 },
        { id: './node_modules/tree-shaken/index.js', renderedLength: 0 },
        { id: './lib/core/search.ts', renderedLength: 99 },
      ]),
    ).toEqual(['node_modules/fuse.js']);
  });

  it('flags shipped packages that the lock marks dev-only or lacks, except allowed names', () => {
    const lock = {
      packages: {
        'node_modules/preact': { version: '1' },
        'node_modules/fuse.js': { dev: true },
        'node_modules/x': { devOptional: true },
        'node_modules/wxt': { dev: true },
      },
    };
    const shipped = [
      'node_modules/preact',
      'node_modules/fuse.js',
      'node_modules/x',
      'node_modules/wxt',
      'node_modules/gone',
    ];
    expect(devOnlyShipped(shipped, lock, new Set(['wxt']))).toEqual([
      'node_modules/fuse.js',
      'node_modules/x',
      'node_modules/gone',
    ]);
  });
});
