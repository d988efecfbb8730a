import { render } from 'preact';
import '../../assets/base.css';
import '../../assets/reader.css';
import { localizeDocument } from '../../lib/i18n.ts';
import { App } from './App.tsx';

localizeDocument('readerTitle');
const root = document.getElementById('app');
if (root) render(<App />, root);
