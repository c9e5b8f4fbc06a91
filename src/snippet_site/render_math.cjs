// Renders TeX with KaTeX for snippet_site.formulas: reads a JSON list of {tex, display} on stdin and
// writes a JSON list of {html} or {error}, in the same order. argv[2] is the KaTeX package folder
// (node_modules/katex of the checkout), so the version is the one package-lock.json pins.
const katex = require(process.argv[2]);

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const rendered = JSON.parse(input).map(({ tex, display }) => {
    try {
      return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, output: "htmlAndMathml" }) };
    } catch (error) {
      return { error: error.message };
    }
  });
  process.stdout.write(JSON.stringify(rendered));
});
