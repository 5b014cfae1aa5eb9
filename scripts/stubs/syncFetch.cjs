// Bundled in place of `sync-fetch`: citation-js can fetch remote inputs, which FM Atlas never asks it
// to do. With this stub, no code path in the server or CLI can reach the network.
function syncFetch() {
  throw new Error('FM Atlas does not fetch from the network.');
}
syncFetch.Headers = class Headers {};
module.exports = syncFetch;
