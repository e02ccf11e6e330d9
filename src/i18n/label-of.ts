/** The label `labels` gives `value`, else the value itself (a status or type a team added to its own data, say). */
export function labelOf(labels: Record<string, string>, value: string): string {
	return Object.hasOwn(labels, value) ? (labels[value] ?? value) : value;
}
