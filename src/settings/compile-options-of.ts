import type { PortalSettingsRecord } from '../access/portal-records.ts';
import type { CompileOptions } from '../compiler/types.ts';
import { dataMapOf } from './data-map-of.ts';

/** What every group compiles with from the portal settings: whether parents see below them, and the data map. */
export function compileOptionsOf(
	settings: Pick<PortalSettingsRecord, 'parent_visibility' | 'data_map'>,
): CompileOptions {
	return { parentVisibility: settings.parent_visibility, map: dataMapOf(settings) };
}
