/** README.md shows what Kensa really does: the rule list and the demo excerpt are generated, and kept current. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withRulesTable } from "../../scripts/rules-doc";
import { demoOutput } from "../../scripts/readme-demo";

const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

test("the Quick start has exactly the two commands", () => {
  expect(readme).toContain("npm install && npm run demo");
  expect(readme).toMatch(/^npm test$/m);
});

test("the rule list is generated from the rules' metadata (npm run docs:rules)", () => {
  expect(withRulesTable(readme)).toBe(readme);
});

test("every line of the demo excerpt is in today's output (npm run docs:demo)", async () => {
  const block = readme.slice(readme.indexOf("<!-- DEMO:BEGIN -->"), readme.indexOf("<!-- DEMO:END -->"));
  const lines = block.split("\n").filter((l) => /^\s+\S/.test(l) && l.trim() !== "…");
  expect(lines.length).toBeGreaterThan(10);
  const output = await demoOutput();
  for (const line of lines) expect(output).toContain(line);
});
