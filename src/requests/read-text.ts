/** How one text field of a visitor's input is read. */
export interface TextRule {
	label: string;
	required: boolean;
	max: number;
	/** Whether surrounding spaces are dropped (default): never for a password, whose every character counts. */
	trim?: boolean;
}

/** Reads one text field; each problem is added to `problems` in words a form can show. Empty when absent or wrong. */
export function readText(input: Record<string, unknown>, field: string, rule: TextRule, problems: string[]): string {
	const value = input[field];
	if (value === undefined || value === null || value === '') {
		if (rule.required) problems.push(`${rule.label} is required.`);
		return '';
	}
	if (typeof value !== 'string') {
		problems.push(`${rule.label} must be text.`);
		return '';
	}
	const text = rule.trim === false ? value : value.trim();
	if (rule.required && text === '') problems.push(`${rule.label} is required.`);
	if (text.length > rule.max) problems.push(`${rule.label} must be at most ${rule.max} characters.`);
	return text;
}
