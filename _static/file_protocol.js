// The book opened straight from disk (file://, e.g. _build/html/index.html): the search page
// would fetch() every result's page to show a summary under it, and browsers refuse fetch() on
// file:// (one CORS error per result). From disk, search lists the results without summaries;
// served over http(s) (`make serve`, a web host) nothing changes. Loaded on every page by
// Jupyter Book (every .js in _static/), after documentation_options.js and before the search runs.
if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
}
