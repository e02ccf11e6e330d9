import { capabilities, type Capability, type GroupPermissions } from '../catalogue/capabilities.ts';

/**
 * True when `candidate` grants nothing beyond `holder`, capability by capability: a flag only if the
 * holder has it, a choice no further along its list (lists run from least to most access), a field
 * list only with fields the holder has. A client administrator may hand out only such groups.
 */
export function isGroupWithin(candidate: GroupPermissions, holder: GroupPermissions): boolean {
	return (capabilities as readonly Capability[]).every((capability) => {
		const wanted = candidate[capability.key as keyof GroupPermissions];
		const held = holder[capability.key as keyof GroupPermissions];
		if (capability.kind === 'flag') return wanted === false || held === true;
		if (capability.kind === 'fields') return (wanted as string[]).every((field) => (held as string[]).includes(field));
		return capability.values.indexOf(wanted as string) <= capability.values.indexOf(held as string);
	});
}
