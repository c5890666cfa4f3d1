import { useCallback, useEffect, useState } from 'react';

const read = () => window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';

/** The first segment of `#/segment`; navigate by setting `location.hash`. */
export function useHashRoute(): [string, (route: string) => void] {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: string) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [route, navigate];
}
