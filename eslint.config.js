// ESLint with typescript-eslint's type-checked rules (docs/decisions.md D42): promises must be awaited or handled,
// switches over unions exhaustive. `npm run lint` runs it with the architecture check; `npm test` runs it too.
// Three recommended rules are tuned for the whole tree, never per file: `require-await` is off (an async method
// that satisfies a Promise-returning contract without awaiting is fine); `no-base-to-string` is off (String() of a
// JSON scalar from a WeCom payload or a stored JSON column is deliberate); template literals may hold numbers,
// booleans and URLSearchParams.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'docs/', 'dist/', '.dependency-cruiser.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowNumber: true,
          allowBoolean: true,
          allow: [{ from: 'package', package: 'url', name: 'URLSearchParams' }],
        },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
