import type { DataMap } from '../data-map/data-map.ts';
import { derivedTablesOf } from './derived-tables-of.ts';
import { mergeColumns, type RequiredColumns } from './missing-columns.ts';

/** The columns every derived table of `map` needs: the portal's rules read them, so the doctor keeps the portal closed without them. */
export function derivedTableColumnsOf(map: DataMap): RequiredColumns {
	return mergeColumns(...derivedTablesOf(map).map(({ columns }) => columns));
}
