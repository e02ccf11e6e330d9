import { describe, expect, test } from 'vitest';
import { directionOf, portalLanguageOf } from '../../../src/i18n/languages.ts';

describe('portalLanguageOf', () => {
	test('takes the first tag the portal speaks, by its primary language', () => {
		expect(portalLanguageOf('de-DE')).toBe('de');
		expect(portalLanguageOf('de-AT', 'en-US')).toBe('de');
		expect(portalLanguageOf('DE_ch')).toBe('de');
		expect(portalLanguageOf('fr-FR', 'de-DE')).toBe('de');
		expect(portalLanguageOf(null, undefined, 'en-GB')).toBe('en');
	});

	test('takes a person’s own language before the project’s, and the project’s where theirs is not spoken', () => {
		expect(portalLanguageOf('en-US', 'de-DE')).toBe('en');
		expect(portalLanguageOf(null, 'de-DE')).toBe('de');
		expect(portalLanguageOf(undefined, 'de-CH')).toBe('de');
	});

	test('is English when no tag is spoken or given', () => {
		expect(portalLanguageOf()).toBe('en');
		expect(portalLanguageOf('fr-FR', 'ar-SA')).toBe('en');
		expect(portalLanguageOf('', '   ')).toBe('en');
		expect(portalLanguageOf('deutsch')).toBe('en');
	});
});

describe('directionOf', () => {
	test('turns right-to-left scripts around', () => {
		expect(directionOf('ar-SA')).toBe('rtl');
		expect(directionOf('he')).toBe('rtl');
		expect(directionOf('fa-IR')).toBe('rtl');
		expect(directionOf('de-DE')).toBe('ltr');
		expect(directionOf('en')).toBe('ltr');
	});
});
