// Hash routes (#/inbox, #/docs/<id>): the server needs no fallback for them, and the console keeps its own paths.
import { useEffect, useState } from 'react';

export interface Route {
  page: string;
  id?: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, search] = hash.replace(/^#\/?/, '').split('?');
  const [page, id] = path.split('/');
  return { page: page || 'inbox', id: id ? decodeURIComponent(id) : undefined, params: new URLSearchParams(search ?? '') };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parseRoute(hash);
}

export function go(path: string): void {
  window.location.hash = `#/${path}`;
}

/**
 * The same page in another state (문서함's filters, say) in place of the current entry: Back leaves the page rather than
 * stepping through each change (a date typed digit by digit is several); it still reads the state back from the hash.
 */
export function goInstead(path: string): void {
  window.location.replace(`#/${path}`);
}
