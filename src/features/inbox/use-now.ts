import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, so relative times ("5m") age without per-row timers. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}
