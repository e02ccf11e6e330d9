/** The longest single-line text the help desk's own collections take (their string columns are varchar(255)). */
export const stringColumnLength = 255;
