/** Runs axe-core (node_modules/axe-core/axe.min.js injected into the page) and returns serious/critical violations. */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export async function axeViolations(
  page: Page,
  impacts: readonly string[] = ["serious", "critical"],
): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  const all = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    // Tabster's focus-redirecting dummies (<i tabindex=0 aria-hidden data-tabster-dummy>, which Fluent UI's
    // Toolbar and Dialog add) are a known axe false positive (aria-hidden-focus): they pass focus on at once.
    const r = await axe.run(
      { include: [["html"]], exclude: [["[data-tabster-dummy]"]] },
      { resultTypes: ["violations"] },
    );
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
  return all.filter((v) => v.impact !== null && impacts.includes(v.impact));
}
