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
  return url.origin === new URL(origin).origin ? url.pathname + url.search + url.hash : '/';
}
if (typeof module !== 'undefined') {
  module.exports = { safeNext };
}
