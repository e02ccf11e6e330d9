/**
 * A small seeded pseudo-random generator (mulberry32) for the leak oracle. Every random world is a
 * function of its seed, so a difference found once can be replayed with `PORTAL_ORACLE_SEED`.
 * Not for anything secret.
 */
export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability `p`. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	/** One item of a non-empty list. */
	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('Random.pick needs at least one item.');
		return items[this.int(0, items.length - 1)] as T;
	}

	/** One item of a list, or undefined when the list is empty. */
	maybePick<T>(items: readonly T[]): T | undefined {
		return items.length === 0 ? undefined : this.pick(items);
	}

	/** One item, drawn with the given weights (weights need not sum to 1). */
	weighted<T>(entries: readonly (readonly [T, number])[]): T {
		const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
		let roll = this.next() * total;
		for (const [item, weight] of entries) {
			roll -= weight;
			if (roll < 0) return item;
		}
		const last = entries[entries.length - 1];
		if (!last) throw new Error('Random.weighted needs at least one entry.');
		return last[0];
	}

	/** A shuffled copy (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[] {
		const copy = [...items];
		for (let index = copy.length - 1; index > 0; index--) {
			const other = this.int(0, index);
			[copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
		}
		return copy;
	}

	/** Up to `count` distinct items, in random order. */
	sample<T>(items: readonly T[], count: number): T[] {
		return this.shuffle(items).slice(0, Math.max(0, count));
	}
}
