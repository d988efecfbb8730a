// "Add this page to my library": injected into the active tab with scripting.executeScript, only
// on the user's click (popup button or context menu; activeTab grants the tab for that moment).
// Readability reads a copy of the page in an inert document (no scripts run, nothing loads), and
// the text comes back as paragraphs separated by blank lines, read from the DOM, never as HTML.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractArticle } from '../lib/extract/article.ts';

export default defineUnlistedScript(() => extractArticle(document));
