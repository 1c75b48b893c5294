// Loaded lazily by the app (`lazy(() => import('@/features/palette'))`): cmdk stays out of the first chunk.
export { CommandPalette as default } from './command-palette';
export type { PaletteChat, PaletteCommand } from './types';
/** @public The palette's props, for an owner that wraps or builds them apart. */
export type { CommandPaletteProps } from './types';
