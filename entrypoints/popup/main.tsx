import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/popup.css';
import '../../assets/search.css';
import { URL_QUERY_CAP, cutSafe } from '../../lib/core/limits.ts';
import { applyCategoryColours } from '../../lib/category-style.ts';
import { localizeDocument } from '../../lib/i18n.ts';
import { App } from './App.tsx';

localizeDocument('extName');
applyCategoryColours();
const params = new URLSearchParams(location.search);
const initialQuery = cutSafe(params.get('q') ?? '', URL_QUERY_CAP);
// Opened as a tab (context menu "Search Policy Lens for …") rather than as the toolbar popup.
const asTab = params.has('q') || params.has('tab');
document.documentElement.classList.toggle('as-tab', asTab);
const root = document.getElementById('app');
if (root) render(<App initialQuery={initialQuery} asTab={asTab} />, root);
