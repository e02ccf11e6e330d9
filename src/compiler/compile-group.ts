/**
 * Compiles a portal group's capabilities into Directus permission rows for the group's policy.
 * Deterministic: the same permissions and settings give the same rows, in the same order, every time.
 * Each row says which capabilities it comes from, so a row nothing explains can be spotted.
 *
 * What Directus enforces with these rows, and what it cannot: item filters hold for reads, updates and
 * deletes on every path (REST, GraphQL, relational expansion, aggregates, /assets). Create rows have no
 * item filter in Directus, only validation of the payload, so creates that must point at something the
 * contact can see (a reply on a ticket) are also checked by the product's hooks; see
 * `extensions/hooks/portal/portal-writes.ts`.
 *
 * Each kind of object compiles in its own file under `rows/`, from the filters under `filters/`.
 */
import type { GroupPermissions } from '../catalogue/capabilities.ts';
import { boundWritesByReads } from './bound-writes-by-reads.ts';
import { compileArticleRows } from './rows/compile-article-rows.ts';
import { compileDeviceRows } from './rows/compile-device-rows.ts';
import { compileFileRows } from './rows/compile-file-rows.ts';
import { compileIdentityRows } from './rows/compile-identity-rows.ts';
import { compileInvoiceRows } from './rows/compile-invoice-rows.ts';
import { compileProfileRows } from './rows/compile-profile-rows.ts';
import { compileProjectRows } from './rows/compile-project-rows.ts';
import { compileQuoteRows } from './rows/compile-quote-rows.ts';
import { compileTicketRows } from './rows/compile-ticket-rows.ts';
import type { CompiledPermission, CompileSettings } from './types.ts';

// Callers outside the compiler import these types from here.

/**
 * Compiles normalized permissions (see `normalizeGroupPermissions`); a group that grants nothing compiles to no rows.
 * Every update row is bounded by its collection's read row (`boundWritesByReads`): what a contact may change,
 * they may see.
 */
export function compileGroup(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	const grantsAnything = Object.values(permissions).some(
		(value) => value !== 'none' && value !== false && !(Array.isArray(value) && value.length === 0),
	);
	if (!grantsAnything) return [];
	return boundWritesByReads([
		...compileIdentityRows(permissions, settings),
		...compileProfileRows(permissions, settings),
		...compileTicketRows(permissions, settings),
		...compileProjectRows(permissions, settings),
		...compileFileRows(permissions, settings),
		...compileDeviceRows(permissions, settings),
		...compileArticleRows(permissions, settings),
		...compileInvoiceRows(permissions, settings),
		...compileQuoteRows(permissions, settings),
	]);
}
