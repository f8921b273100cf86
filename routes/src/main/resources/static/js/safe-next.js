// Where the sign-in page may send the browser afterwards: a page of this site only. The target is resolved as the
// browser would resolve it (so "/\evil.example" or "/\t/evil.example", which a browser reads as another host,
// are caught) and kept only if it stays on this origin.
function safeNext(next, origin) {
  if (!next) {
    return '/';
  }
  let url;
  try {
    url = new URL(next, origin);
  } catch (e) {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) {
    return '/';
  }
  // never the console's JMX bridge (Jolokia), which acts on a GET: a link could name an operation as the next page
  let segments;
  try {
    segments = decodeURIComponent(url.pathname).toLowerCase().split('/');
  } catch (e) {
    return '/';
  }
  if (segments.includes('jolokia') || segments.includes('proxy')) {
    return '/';
  }
  return url.pathname + url.search + url.hash;
}
if (typeof module !== 'undefined') {
  module.exports = { safeNext };
}
