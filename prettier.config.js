/** Directus's own Prettier conventions. */
export default {
	htmlWhitespaceSensitivity: 'ignore',
	printWidth: 120,
	singleQuote: true,
	useTabs: true,
	quoteProps: 'consistent',
};
