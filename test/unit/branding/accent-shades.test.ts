import { describe, expect, test } from 'vitest';
import { accentAsText, contrastRatio, darkInk, inkOn, textContrast } from '../../../src/branding/accent-shades.ts';

/** Accents staff choose: the default, brand colours light and dark, see-through, short and unusable ones. */
const accents = [
	'#6644FF',
	'#ffd400',
	'#00c853',
	'#0a58ca',
	'#e35d00',
	'#777777',
	'#fff',
	'#000000',
	'#6644ff80',
	'red',
];

describe('Accent shades', () => {
	test('Contrast is measured as WCAG 2.1 says', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
		// The threshold case of the specification's examples: #767676 on white is 4.54:1.
		expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
	});

	test('A readable accent stays itself; white labels stay on dark accents', () => {
		expect(accentAsText('#6644FF')).toBe('#6644FF');
		expect(accentAsText('#0a58ca')).toBe('#0a58ca');
		expect(inkOn('#6644FF')).toBe('#ffffff');
		expect(inkOn('#0a58ca')).toBe('#ffffff');
	});

	test('Light accents get a darker shade for text and dark button labels', () => {
		expect(accentAsText('#ffd400')).toBe('#856e00');
		expect(inkOn('#ffd400')).toBe(darkInk);
		expect(inkOn('#00c853')).toBe(darkInk);
	});

	test('Whatever the accent, text in its shade reads on the page and on the current menu entry, and labels on it read as well as they can', () => {
		for (const accent of accents) {
			const shade = accentAsText(accent);
			expect(contrastRatio(shade, '#f6f7fb'), `${accent} → ${shade}`).toBeGreaterThanOrEqual(textContrast);
			expect(contrastRatio(shade, '#ffffff'), `${accent} → ${shade}`).toBeGreaterThanOrEqual(textContrast);
			const ink = inkOn(accent);
			const other = ink === '#ffffff' ? darkInk : '#ffffff';
			const background = /^#[0-9a-fA-F]{3,8}$/.test(accent) ? accent : '#6644FF';
			expect(
				contrastRatio(ink, background) >= textContrast ||
					contrastRatio(ink, background) >= contrastRatio(other, background),
				`${accent}: ${ink}`,
			).toBe(true);
		}
	});

	test('An unusable colour is judged as the default one', () => {
		expect(accentAsText('red')).toBe('#6644FF');
		expect(inkOn('url(x)')).toBe('#ffffff');
	});
});
