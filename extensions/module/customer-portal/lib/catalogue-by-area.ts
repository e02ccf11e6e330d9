import { capabilities, type Capability, type CapabilityArea } from '../../../../src/catalogue/capabilities.ts';

export interface CatalogueArea {
	area: CapabilityArea;
	title: string;
	capabilities: Capability[];
}

export const areaTitles: Record<CapabilityArea, string> = {
	tickets: 'Tickets',
	projects: 'Projects',
	devices: 'Devices',
	knowledge: 'Knowledge',
	financials: 'Financials',
	account: 'Account',
};

const areaOrder: CapabilityArea[] = ['tickets', 'projects', 'devices', 'knowledge', 'financials', 'account'];

/** The catalogue in the editor's order: one section per area, capabilities in catalogue order. */
export function catalogueByArea(catalogue: readonly Capability[] = capabilities): CatalogueArea[] {
	return areaOrder
		.map((area) => ({
			area,
			title: areaTitles[area],
			capabilities: catalogue.filter((capability) => capability.area === area),
		}))
		.filter((section) => section.capabilities.length > 0);
}
