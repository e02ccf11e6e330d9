/** The words of a failed API call: the server's own error messages, else the network error's. */
export function errorMessage(error: unknown): string {
	const response = (error as { response?: { data?: { errors?: { message?: unknown }[] } } } | null)?.response;
	const messages = (response?.data?.errors ?? [])
		.map((entry) => entry.message)
		.filter((message): message is string => typeof message === 'string');
	if (messages.length > 0) return messages.join(' ');
	return error instanceof Error ? error.message : String(error);
}
