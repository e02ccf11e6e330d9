const labels: Readonly<Record<string, string>> = {
	new: 'New',
	open: 'Open',
	pending: 'Waiting on the customer',
	resolved: 'Resolved',
	closed: 'Closed',
};

/** A ticket's portal state in words; a stored value that is no portal state shows as it is. */
export function ticketStatusLabel(status: string | null | undefined): string {
	return status ? (labels[status] ?? status) : '';
}
