// Render math after every page load, including Material's instant navigation.
// KaTeX is served with the site (assets/katex/, installed from npm): no CDN. It is loaded only when a
// page has math, so pages without math stay light.
(function () {
  const katexBase = new URL("../katex/", document.currentScript.src);
  let katexReady = null;

  function load(tag, attributes) {
    return new Promise((resolve, reject) => {
      const element = Object.assign(document.createElement(tag), attributes);
      element.onload = resolve;
      element.onerror = () => reject(new Error(`KaTeX: cannot load ${attributes.src || attributes.href}`));
      document.head.appendChild(element);
    });
  }

  function loadKatex() {
    katexReady ??= Promise.all([
      load("link", { rel: "stylesheet", href: new URL("katex.min.css", katexBase).href }),
      load("script", { src: new URL("katex.min.js", katexBase).href }).then(() =>
        load("script", { src: new URL("contrib/auto-render.min.js", katexBase).href })
      ),
    ]);
    return katexReady;
  }

  function hasMath(body) {
    if (body.querySelector(".arithmatex")) return true;  // pymdownx.arithmatex (generic) output
    // Notebook Markdown cells keep $...$ as text.
    return [...body.querySelectorAll(".jp-RenderedMarkdown")].some((cell) => /\$|\\\(|\\\[/.test(cell.textContent));
  }

  document$.subscribe(({ body }) => {
    if (!hasMath(body)) return;
    loadKatex().then(() =>
      renderMathInElement(body, {
        delimiters: [
          { left: "$$", right: "$$", display: true },
          { left: "$", right: "$", display: false },
          { left: "\\(", right: "\\)", display: false },
          { left: "\\[", right: "\\]", display: true },
        ],
        ignoredClasses: ["clipboard-copy-txt"],  // the hidden source a notebook's copy button copies
        throwOnError: false,
      })
    ).then(() => {
      // A formula wider than the column scrolls sideways: let the keyboard reach and scroll it too.
      for (const display of body.querySelectorAll(".katex-display")) {
        if (display.scrollWidth > display.clientWidth) display.tabIndex = 0;
      }
    });
  });
})();
