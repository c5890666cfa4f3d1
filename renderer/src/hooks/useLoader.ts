import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiError } from './useApiError';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  reload: () => Promise<void>;
}

/** Loads data when `key` changes; errors go to a message. Late answers to stale requests are dropped. */
export function useLoader<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const showError = useApiError();
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const result = await loadRef.current();
      if (ticket === latest.current) setData(result);
    } catch (err) {
      if (ticket === latest.current) showError(err);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [showError]);

  useEffect(() => {
    void reload();
  }, [key, reload]);

  return { data, loading, reload };
}
