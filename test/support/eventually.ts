export interface EventuallyOptions {
	/** How long `check` may keep failing before its last error is thrown. */
	timeoutMs?: number;
	/** The pause between two tries. */
	intervalMs?: number;
}

/**
 * Runs `check` until it passes and returns what it returned; throws `check`'s last error once `timeoutMs` has
 * passed. For effects that land after the request that causes them has answered (Directus runs action hooks
 * after the response), and for processes and servers that take a while to come up.
 */
export async function eventually<T>(
	check: () => Promise<T> | T,
	{ timeoutMs = 20_000, intervalMs = 100 }: EventuallyOptions = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await check();
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await new Promise((done) => setTimeout(done, intervalMs));
		}
	}
}
