/** A permission row's identity within its policy: one row per collection and action. */
export function permissionRowKey(row: { collection: string; action: string }): string {
	return `${row.collection}:${row.action}`;
}
