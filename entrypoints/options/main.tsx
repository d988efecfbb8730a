import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/options.css';
import { localizeDocument } from '../../lib/i18n.ts';
import { App } from './App.tsx';

localizeDocument('optionsTitle');
const root = document.getElementById('app');
if (root) render(<App />, root);
