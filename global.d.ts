/** Set by wxt.config.ts: true only in the E2E_HOOKS=1 test build, never in store builds. */
declare const __E2E_HOOKS__: boolean;
