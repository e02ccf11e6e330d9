/** A column of a list page's table (components/ListTable.vue). */
export interface ListColumn {
	/** The row's field shown in it, and the name of the slot that draws it instead. */
	key: string;
	label: string;
	/** Hidden on narrow screens. */
	wideOnly?: boolean;
	muted?: boolean;
}
