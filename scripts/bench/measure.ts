/** Timing and statistics for the benchmark: every figure is a median and a p95 over several rounds. */

export interface Timing {
	median: number;
	p95: number;
	rounds: number;
}

export function summarise(samples: number[]): Timing {
	const sorted = [...samples].sort((x, y) => x - y);
	const at = (fraction: number) =>
		sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
	return { median: round(at(0.5)), p95: round(at(0.95)), rounds: sorted.length };
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Milliseconds one call takes. */
export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await work();
	return performance.now() - started;
}

/**
 * Times several named calls side by side: each round runs every call once, in a rotating order, so
 * load from elsewhere on the machine falls on all of them alike. Warm-up rounds are not counted.
 */
export async function compare(
	calls: Record<string, () => Promise<unknown>>,
	{ rounds, warmup = 3 }: { rounds: number; warmup?: number },
): Promise<Record<string, Timing>> {
	const names = Object.keys(calls);
	const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
	for (let round = 0; round < warmup + rounds; round++) {
		for (let offset = 0; offset < names.length; offset++) {
			const name = names[(round + offset) % names.length] as string;
			const took = await timeOnce(calls[name] as () => Promise<unknown>);
			if (round >= warmup) samples[name]?.push(took);
		}
	}
	return Object.fromEntries(names.map((name) => [name, summarise(samples[name] ?? [])]));
}
