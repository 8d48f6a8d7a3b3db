// Material's search dialog has no accessible name (axe: aria-dialog-name); Zensical's has one already.
// It is named here rather than in a copy of Material's template, which would break Zensical's search box.
(() => {
  "use strict";
  const dialog = document.querySelector('[data-md-component="search"][role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
})();
