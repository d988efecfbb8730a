import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/reader.css';
import '../../assets/search.css';
import { applyCategoryColours } from '../../lib/category-style.ts';
import { localizeDocument } from '../../lib/i18n.ts';
import { App } from './App.tsx';

localizeDocument('readerTitle');
applyCategoryColours();
const root = document.getElementById('app');
if (root) render(<App />, root);
