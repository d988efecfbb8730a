import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/options.css';
import { applyCategoryColours } from '../../lib/category-style.ts';
import { localizeDocument } from '../../lib/i18n.ts';
import { App } from './App.tsx';

localizeDocument('optionsTitle');
applyCategoryColours();
const root = document.getElementById('app');
if (root) render(<App />, root);
