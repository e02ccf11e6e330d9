// @ts-check
/** Directus's own ESLint conventions (its eslint.config.js), adapted where a rule does not fit an extension bundle. */
import eslintJs from '@eslint/js';
import eslintConfigPrettier from 'eslint-config-prettier';
import eslintPluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import typescriptEslint from 'typescript-eslint';

export default typescriptEslint.config(
	{
		languageOptions: {
			ecmaVersion: 2023,
			sourceType: 'module',
			globals: { ...globals.browser, ...globals.node },
		},
	},
	{ ignores: ['dist/', '.data/', '.tools/', 'test-results/', 'node_modules/'] },
	eslintJs.configs.recommended,
	{
		rules: {
			'no-debugger': 'error',
			'no-nested-ternary': 'error',
			'curly': ['error', 'multi-line'],
			'no-constant-binary-expression': 'error',
			'sort-imports': ['error', { ignoreCase: true, ignoreDeclarationSort: true, allowSeparatedGroups: true }],
		},
	},
	// The product logs through Directus's logger; the scripts and tests talk to a person on the console.
	{ files: ['src/**', 'extensions/**'], rules: { 'no-console': 'error' } },
	...typescriptEslint.configs.recommended,
	...eslintPluginVue.configs['flat/recommended'],
	{
		files: ['**/*.vue'],
		languageOptions: { parserOptions: { parser: typescriptEslint.parser } },
	},
	{
		files: ['**/*.{ts,vue}'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['**/*.vue'],
		rules: {
			'vue/block-order': ['error', { order: ['script', 'template', 'style'] }],
			'vue/padding-line-between-blocks': 'error',
			'vue/multi-word-component-names': 'off',
			'vue/require-default-prop': 'off',
			'vue/prefer-true-attribute-shorthand': 'error',
			'vue/no-unused-vars': ['error', { ignorePattern: '^_' }],
		},
	},
	// Test stand-ins define several components in one file; the oracle's reference model reads best as one
	// expression per rule, nested where the rule is.
	{ files: ['test/**'], rules: { 'vue/one-component-per-file': 'off', 'no-nested-ternary': 'off' } },
	eslintConfigPrettier,
);
