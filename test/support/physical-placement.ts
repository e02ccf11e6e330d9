/**
 * Style rules that place things by left and right instead of where text starts and ends: `dir="rtl"` mirrors
 * logical properties (margin-inline-start, text-align: start, inset-inline-start…) only, so each of these stays
 * where it is on a right-to-left page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const physical =
	/(?:margin|padding|border)-(?:left|right)\b|(?:^|[\s;{])(?:left|right)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right)|(?:padding|margin)(?:Left|Right)\b/m;

/** The style sheets and components under `folder`, by path. */
function styledFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? styledFiles(join(folder, entry.name))
			: /\.(vue|css)$/.test(entry.name)
				? [join(folder, entry.name)]
				: [],
	);
}

/** Each line of the components under `folder` that places something by left or right, as `file:line: text`. */
export function physicalPlacements(folder: string): string[] {
	return styledFiles(folder).flatMap((file) =>
		readFileSync(file, 'utf8')
			.split('\n')
			.map((line, index) => ({ line, index }))
			.filter(({ line }) => physical.test(line))
			.map(({ line, index }) => `${file}:${index + 1}: ${line.trim()}`),
	);
}
