// The language selector goes to this page's twin in the other edition (both editions have the same
// page paths). The links are right without JavaScript (overrides/partials/alternate.html); after
// Material's instant navigation the header is not rendered again, so its links would still point at
// the first page read: this keeps them on the page shown now, and follows them itself, because
// Material's own handler cannot tell the Korean root (/relu-docs/) from the English one nested in it.
(() => {
  const twin = (link) => {
    const current = link.closest("[data-edition-root]")?.dataset.editionRoot;
    const path = location.pathname;
    if (!current || !path.startsWith(current)) return null;
    const rest = path.slice(current.length);
    return link.dataset.root + (/(^|\/)404(\.html)?$/.test(rest) ? "" : rest) + location.hash;
  };
  const update = () => {
    for (const link of document.querySelectorAll("a.md-select__link[data-root]")) {
      const target = twin(link);
      if (target) link.href = target;
    }
  };
  window.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a.md-select__link[data-root]") : null;
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    const target = twin(link);
    if (!target) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    location.assign(target);
  }, true);
  if (typeof document$ !== "undefined") document$.subscribe(update);  // after every instant navigation too
  else document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("hashchange", update);
})();
