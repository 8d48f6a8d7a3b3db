// Material's bundle fetches Mermaid from a CDN for any `pre.mermaid` on a page, unless `window.mermaid`
// already exists. This site loads nothing from another host, so Mermaid is never fetched: a diagram stays
// as its source and the error below reaches the console, where tests/browser fails on it.
// overrides/main.html loads this file before the bundle (both deferred, so in that order).
window.mermaid = {
  initialize() {},
  render() {
    return Promise.reject(
      new Error(
        "Mermaid is not part of this site: it loads nothing from a CDN. Draw the diagram as an SVG under docs/assets/.",
      ),
    );
  },
};
