// Lint: typescript-eslint with type-aware rules, plus rules against HTML-string sinks and eval
// (never break the page; no remote or generated code).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const sinks = [
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
    message: 'No HTML-string sinks: build DOM nodes or JSX (never break the page: docs/ARCHITECTURE.md).',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]',
    message: 'No HTML-string sinks: build DOM nodes or JSX.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'No document.write.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: render marks from ranges.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.output-*/',
      '.wxt/',
      'generated/',
      'public/',
      'coverage/',
      'eslint.config.js',
      'test-results/',
      // Fixture pages stand in for third-party sites; they are not our code.
      'e2e/fixtures/',
      'bench/fixtures/',
      'demo/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...sinks],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Browser-automation code evaluates functions in pages: `document`/`window` are fine there.
    files: ['e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
);
