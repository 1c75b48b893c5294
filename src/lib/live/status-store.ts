import { create } from 'zustand';

/** Where the live stream stands: in the first chunk (the list's quiet note reads it), the stream code is not. */
export type LiveStatus = 'connecting' | 'live' | 'paused';

/** Status only (client UI state), for the quiet "Live updates paused" note and the polling fallback. */
export const useLiveStatus = create<{ status: LiveStatus }>()(() => ({ status: 'connecting' }));
