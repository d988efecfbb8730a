import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/start-background.ts';
import { startSettingsMigration } from '../lib/settings-migration.ts';

export default defineBackground(() => {
  startBackground();
  // Settings stored in an older shape move to today's keys; the background is their only migrator.
  startSettingsMigration();
});
