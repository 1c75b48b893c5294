/** List density; a later settings issue lets the person choose it, the inbox only reads it. */
export type Density = 'comfortable' | 'compact';
