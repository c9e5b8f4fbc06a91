"""The JavaScript the page tests evaluate in the browser, each returning plain data to check in Python."""

from __future__ import annotations

SETTLE = """async () => {
  // Load lazy images now, as a reader scrolling to the end would, then wait for them and for the fonts.
  // A figure's variant for the other colour scheme is not shown, and a browser does not load it.
  const shown = [...document.images].filter((img) => getComputedStyle(img).display !== "none");
  for (const img of shown) img.loading = "eager";
  await Promise.all(shown.map((img) => img.decode().catch(() => null)));
  await document.fonts.ready;
}"""

REVEAL_EXPLORERS = """async () => {
  // An explorer is drawn when it comes near the screen: bring each there, as a reader scrolling would.
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  for (const figure of document.querySelectorAll("article figure.snippet-explorer")) {
    figure.scrollIntoView();
    await frame();
  }
  window.scrollTo(0, 0);
}"""

EXPLORERS_DRAWN = (
    "() => [...document.querySelectorAll('article figure.snippet-explorer')].every((figure) => figure.explorer?.plot)"
)

MATH_RENDERED = "() => [...document.querySelectorAll('article .arithmatex')].every((el) => el.querySelector('.katex'))"

MATH_STATE = """() => {
  const article = document.querySelector("article");
  const math = [...article.querySelectorAll(".arithmatex")];
  const clone = article.cloneNode(true);
  clone.querySelectorAll("pre, code, script, .katex, .clipboard-copy-txt").forEach((el) => el.remove());
  return {
    total: math.length,
    unrendered: math.filter((el) => !el.querySelector(".katex")).map((el) => el.textContent.slice(0, 80)),
    errors: [...article.querySelectorAll(".katex-error")].map((el) => el.textContent.slice(0, 80)),
    text: clone.textContent,
  };
}"""

IMAGES = """() => [...document.querySelectorAll("article img")].map((img) => ({
  src: img.getAttribute("src"),
  shown: getComputedStyle(img).display !== "none",
  alt: img.getAttribute("alt"),
  loaded: img.complete && img.naturalWidth > 0,
  inFigure: img.closest("figure") !== null,
  caption: img.closest("figure")?.querySelector("figcaption")?.textContent.trim() ?? null,
}))"""

PROVENANCE = """() => {
  // Every output block and every figure of a snippet carries its "출처" label (snippet, versions, seed).
  const article = document.querySelector("article");
  const text = (chip) => chip?.querySelector(".snippet-provenance__text")?.textContent.trim() ?? "";
  const missing = [];
  article.querySelectorAll(".snippet-output").forEach((output, n) => {
    if (!text(output.querySelector(":scope > .snippet-provenance")).startsWith("snippets/"))
      missing.push(`output ${n + 1}: ${output.textContent.trim().slice(0, 60)}`);
  });
  const figures = new Set(article.querySelectorAll("figure.snippet-figure"));
  article.querySelectorAll("img").forEach((img) => {
    if (/(^|\\/)figures\\//.test(img.getAttribute("src") ?? "")) figures.add(img.closest("figure") ?? img);
  });
  [...figures].forEach((figure, n) => {
    const chip = figure.matches("figure.snippet-figure") ? figure.querySelector("figcaption .snippet-provenance") : null;
    if (!text(chip).startsWith("snippets/"))
      missing.push(`figure ${n + 1}: ${figure.querySelector("img")?.getAttribute("src") ?? figure.outerHTML.slice(0, 60)}`);
  });
  return missing;
}"""

AXE_RUN = """async (only) => {
  const options = { resultTypes: ["violations"] };
  if (only) options.runOnly = { type: "rule", values: only };
  const result = await axe.run(document, options);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} -> ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}"""

SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"

FIGURE_VARIANTS = """() => [...document.querySelectorAll("article figure.snippet-figure:not(.snippet-explorer--live)")].map((figure) => {
  // Per figure, the images shown and the colour of each one's top-left pixel (its background).
  const shown = [...figure.querySelectorAll("img")].filter((img) => getComputedStyle(img).display !== "none");
  return shown.map((img) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d");
    context.drawImage(img, 0, 0, 1, 1, 0, 0, 1, 1);
    return {src: img.getAttribute("src"), corner: [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)]};
  });
})"""

TRANSITIONS_DONE = """async () => {
  // Colour-scheme and tooltip transitions finish before contrast is measured.
  await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null)));
}"""

LAYOUT = """async () => {
  // Layout shift as Core Web Vitals counts it (shifts right after a reader's input excluded), from the
  // navigation on (a buffered PerformanceObserver); images without a width and height in the HTML;
  // headings that skip a level.
  const entries = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: "layout-shift", buffered: true });
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  entries.push(...observer.takeRecords());
  observer.disconnect();
  const shift = entries.filter((e) => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0);
  const unsized = [...document.querySelectorAll("article img")]
    .filter((img) => !(img.getAttribute("width") && img.getAttribute("height")))
    .map((img) => img.getAttribute("src"));
  const skips = [];
  let previous = 0;
  for (const heading of document.querySelectorAll("article :is(h1, h2, h3, h4, h5, h6)")) {
    const level = Number(heading.tagName[1]);
    if (level > previous + 1) skips.push(`h${level}#${heading.id} after h${previous}`);
    previous = level;
  }
  return { shift, unsized, skips };
}"""
