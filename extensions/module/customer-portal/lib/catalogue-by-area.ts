import { capabilities, type Capability, type CapabilityArea } from '../../../../src/catalogue/capabilities.ts';
import { strings } from '../i18n/strings.ts';

export interface CatalogueArea {
	area: CapabilityArea;
	title: string;
	capabilities: Capability[];
}

const areaOrder: CapabilityArea[] = ['tickets', 'projects', 'devices', 'knowledge', 'financials', 'account'];

/** The catalogue in the editor's order: one section per area (titled in the studio's words), capabilities in catalogue order. */
export function catalogueByArea(catalogue: readonly Capability[] = capabilities): CatalogueArea[] {
	return areaOrder
		.map((area) => ({
			area,
			title: strings.groupEditor.areas[area],
			capabilities: catalogue.filter((capability) => capability.area === area),
		}))
		.filter((section) => section.capabilities.length > 0);
}
