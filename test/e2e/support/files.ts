/** Paths and helpers shared by the e2e tests. */
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./dist";

export const SAMPLE = path.join(ROOT, "samples", "r7-report.xlsx");
export const SHOTS = path.join(ROOT, "test-results", "e2e");

/** A screenshot of what is in view (fullPage for short pages only: the findings list is long). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
