/** A portal group's name: short enough to read in a list and a menu (the column takes 255). */
export const groupNameMaxLength = 100;
