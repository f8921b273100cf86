import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api';

/**
 * Loads with the given function whenever a dependency changes (showing nothing of the old answer meanwhile) or
 * `refresh` grows (keeping the old answer until the new one is there); says what failed in words.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], refresh = 0): { data: T | undefined; error: string | undefined; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [n, setN] = useState(0);
  const key = JSON.stringify(deps);
  const [loadedKey, setLoadedKey] = useState(key);
  if (loadedKey !== key) {
    // other dependencies (another document, another person): what was shown is not theirs
    setLoadedKey(key);
    setData(undefined);
    setError(undefined);
  }
  useEffect(() => {
    let live = true;
    load().then((d) => { if (live) { setData(d); setError(undefined); } },
      // a failed refresh leaves the old answer shown (with the error beside it); other dependencies cleared it above
      (e: unknown) => { if (live) setError(message(e)); });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, refresh, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { data, error, reload };
}

export function message(e: unknown): string {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e);
}
