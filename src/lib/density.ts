/** List density, chosen in Settings: comfortable or compact rows. */
export type Density = 'comfortable' | 'compact';
