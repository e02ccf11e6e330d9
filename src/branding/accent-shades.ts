/**
 * Shades of the team's accent colour that stay readable (WCAG 2.1 AA, 4.5:1 for text), whatever colour staff
 * choose: the colour of text on an accent background (button labels), and the accent itself as text on the
 * portal's light backgrounds (links, the current menu entry, tabs), darkened only as far as it must be. A
 * readable accent comes back unchanged. Pure, with no imports beyond the safe colour: the portal app, the
 * studio's settings page and the server's mails share it.
 */
import { safeColor } from './safe-color.ts';

type Rgb = readonly [number, number, number];

/** Text needs 4.5:1 against its background (WCAG 2.1, 1.4.3, AA). */
export const textContrast = 4.5;
const white: Rgb = [255, 255, 255];
/** The portal's dark text (`--text`), for labels on a light accent. */
export const darkInk = '#1c2030';
/** The page's background (`#f6f7fb`), a little darker than the white panels. */
const pageBackground: Rgb = [246, 247, 251];
/** The current menu entry's background: 12 % of the accent on white (MainMenu.vue), the darkest under accent text. */
const menuTint = (accent: Rgb): Rgb => accent.map((value) => Math.round(value * 0.12 + 255 * 0.88)) as unknown as Rgb;

/** A safe hex colour (#rgb, #rgba, #rrggbb, #rrggbbaa) as opaque RGB, drawn over white where it is see-through. */
function rgbOf(color: string): Rgb {
	let hex = safeColor(color).slice(1);
	if (hex.length <= 4) hex = [...hex].map((digit) => digit + digit).join('');
	const channel = (at: number) => Number.parseInt(hex.slice(at, at + 2), 16);
	const alpha = hex.length === 8 ? channel(6) / 255 : 1;
	return [0, 2, 4].map((at) => Math.round(channel(at) * alpha + 255 * (1 - alpha))) as unknown as Rgb;
}

const hexOf = (rgb: Rgb) => `#${rgb.map((value) => value.toString(16).padStart(2, '0')).join('')}`;

/** WCAG 2.1 relative luminance. */
function luminance(rgb: Rgb): number {
	const [r, g, b] = rgb.map((value) => {
		const share = value / 255;
		return share <= 0.04045 ? share / 12.92 : ((share + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastOf(a: Rgb, b: Rgb): number {
	const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (lighter + 0.05) / (darker + 0.05);
}

/** The contrast ratio of two colours (1 to 21). */
export const contrastRatio = (a: string, b: string) => contrastOf(rgbOf(a), rgbOf(b));

/** Text on an accent background: white where it reads, else the portal's dark text. */
export function inkOn(accent: string): string {
	const rgb = rgbOf(accent);
	return contrastOf(rgb, white) >= textContrast || contrastOf(rgb, white) >= contrastOf(rgb, rgbOf(darkInk))
		? '#ffffff'
		: darkInk;
}

/** The accent as text on the portal's light backgrounds: itself where it reads, else darkened just enough. */
export function accentAsText(accent: string): string {
	const rgb = rgbOf(accent);
	const backgrounds = [pageBackground, menuTint(rgb)];
	for (let darkened = 0; darkened < 100; darkened += 2) {
		const shade = rgb.map((value) => Math.round((value * (100 - darkened)) / 100)) as unknown as Rgb;
		if (backgrounds.every((background) => contrastOf(shade, background) >= textContrast))
			return darkened === 0 ? safeColor(accent) : hexOf(shade);
	}
	return '#000000';
}
