/**
 * Every way Directus's answer differed from the reference model, with what is needed to replay it: the
 * world's seed, the contact and their group's permissions, the request, what the model expected and
 * what came back. `leak` means data or a write reached a contact the model denies; `deviation` means
 * Directus answered otherwise without leaking (refused something allowed, a wrong status, a field
 * name with nothing in it).
 */

export type Severity = 'leak' | 'deviation';

export interface Difference {
	severity: Severity;
	seed: number;
	/** Who asked: contact, e-mail, group and its effective permissions. */
	who: string;
	/** Which family of checks: rest-list, rest-item, graphql, expansion, aggregate, search, filter, assets, write, sign-in, seed. */
	check: string;
	request: string;
	expected: string;
	got: string;
	/** How many more times the same deviation was seen in the same world, when deduplicated. */
	repeats?: number;
}

export class DifferenceLog {
	readonly differences: Difference[] = [];
	private readonly once = new Map<string, Difference>();

	/**
	 * Records a difference. With `onceKey`, a difference already recorded under that key is only counted
	 * (a group's extra field shows on every request of every contact in it; one line says it).
	 */
	add(difference: Difference, onceKey?: string): void {
		if (onceKey !== undefined) {
			const first = this.once.get(onceKey);
			if (first) {
				first.repeats = (first.repeats ?? 0) + 1;
				return;
			}
			this.once.set(onceKey, difference);
		}
		this.differences.push(difference);
	}

	count(severity?: Severity): number {
		return severity
			? this.differences.filter((difference) => difference.severity === severity).length
			: this.differences.length;
	}

	/** Prints what was recorded since the log held `before` differences, for the world of `seed`; returns how many. */
	printSince(before: number, seed: number): number {
		const found = this.differences.slice(before);
		if (found.length > 0) {
			const world = new DifferenceLog();
			for (const difference of found) world.add(difference);
			console.log(`Seed ${seed}: ${found.length} difference(s)\n${world.format(40)}`);
		}
		return found.length;
	}

	/** A readable report, at most `limit` entries, grouped by check and request shape so repeats stand out. */
	format(limit = 150): string {
		const lines: string[] = [];
		const shapes = new Map<string, number>();
		for (const difference of this.differences) {
			const shape = `${difference.severity} ${difference.check} ${difference.request.replace(/\d+|[0-9a-f-]{36}/g, 'N').replace(/o[0-9a-z]+z[a-z]+N*q/g, 'WORD')}`;
			shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
		}
		lines.push('Differences by kind:');
		for (const [shape, count] of [...shapes].sort((a, b) => b[1] - a[1]))
			lines.push(`  ${String(count).padStart(5)} × ${shape}`);
		lines.push('');
		const ordered = [...this.differences].sort((a, b) =>
			a.severity === b.severity ? 0 : a.severity === 'leak' ? -1 : 1,
		);
		for (const difference of ordered.slice(0, limit)) {
			lines.push(
				`[${difference.severity}] seed ${difference.seed} · ${difference.check} · ${difference.request}`,
				`    who:      ${difference.who}`,
				`    expected: ${difference.expected}`,
				`    got:      ${difference.got}`,
				...(difference.repeats ? [`    (and ${difference.repeats} more like it in this world)`] : []),
			);
		}
		if (ordered.length > limit)
			lines.push(`… and ${ordered.length - limit} more (the full list is in the JSON report).`);
		return lines.join('\n');
	}
}
