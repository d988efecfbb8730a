// Which npm packages end up in the shipped extension, and whether package.json says so: code
// bundled into the extension must come from `dependencies` (directly or through them), so that
// `npm ls --omit=dev`, licence tools and NOTICE see everything the users get. Build and test tools
// stay in `devDependencies`. Input: the module ids of the build's sink audit (per chunk, with
// the rendered length; 0 means tree-shaken away) and package-lock.json.

export interface AuditedModule {
  id: string;
  renderedLength: number;
}

export interface LockFile {
  packages: Record<string, { dev?: boolean; devOptional?: boolean; version?: string } | undefined>;
}

/**
 * The lock path of the package a module belongs to, e.g. `node_modules/preact` or
 * `node_modules/a/node_modules/@b/c` (the innermost package); null for our own modules.
 */
export function lockPathOf(moduleId: string): string | null {
  const id = moduleId.replaceAll('\\', '/');
  const re = /node_modules\/(?:@[^/]+\/)?[^/]+/g;
  let first = -1;
  let end = -1;
  for (let m = re.exec(id); m; m = re.exec(id)) {
    if (first < 0) first = m.index;
    end = m.index + m[0].length;
  }
  return first < 0 ? null : id.slice(first, end);
}

/** Package name from a lock path: the part after the last `node_modules/`. */
export function packageName(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** Lock paths of every package with shipped code (renderedLength > 0). */
export function shippedPackages(modules: AuditedModule[]): string[] {
  const out = new Set<string>();
  for (const m of modules) {
    if (m.renderedLength <= 0) continue;
    const p = lockPathOf(m.id);
    if (p) out.add(p);
  }
  return [...out].sort();
}

/**
 * Shipped packages that npm counts as development-only (missing from the lock counts too),
 * minus `allowed` names. npm's own graph decides: a package a runtime dependency brings, also as
 * a peer (wxt, through @wxt-dev/webextension-polyfill), is not dev-only.
 */
export function devOnlyShipped(
  shipped: string[],
  lock: LockFile,
  allowed: ReadonlySet<string> = new Set(),
): string[] {
  return shipped.filter((p) => {
    if (allowed.has(packageName(p))) return false;
    const entry = lock.packages[p];
    return !entry || entry.dev === true || entry.devOptional === true;
  });
}
