// Bundled in place of `fetch-ponyfill` (and so of node-fetch, whatwg-url and the deprecated
// `punycode` module they load): see syncFetch.cjs.
module.exports = function fetchPonyfill() {
  return {
    fetch: () => Promise.reject(new Error('FM Atlas does not fetch from the network.')),
    Headers: class Headers {},
  };
};
