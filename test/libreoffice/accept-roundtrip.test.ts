/**
 * The record of accepted findings survives the workbook being saved by another office suite: the R7 sample with
 * an acceptance written by `kensa accept`, opened and saved again by LibreOffice (as a person would in Excel),
 * still has its record, and the finding is still accepted; the next `kensa accept` makes the sheet very hidden
 * again (LibreOffice keeps it hidden only).
 *
 * Needs LibreOffice (`apt-get install -y libreoffice-calc-nogui`); without it this test fails, loudly.
 */
import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { runCaptured } from "../../src/cli/capture";
import { ReportSchema } from "../../src/core/report/schema";

function soffice(): string {
  const fromEnv = process.env.KENSA_SOFFICE;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  throw new Error("LibreOffice (soffice) is required: apt-get install -y libreoffice-calc-nogui");
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "kensa-accept-lo-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function sheetTag(file: string): Promise<string | undefined> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file("xl/workbook.xml")!.async("string");
  return /<sheet [^>]*name="Kensa_accepted"[^>]*>/.exec(xml)?.[0];
}

test("an acceptance survives a save by LibreOffice, and is still honoured", async () => {
  const file = path.join(work, "in", "r7-report.xlsx");
  mkdirSync(path.dirname(file), { recursive: true });
  copyFileSync(path.join(__dirname, "../../samples/r7-report.xlsx"), file);
  const accepted = await runCaptured([
    "accept",
    file,
    "--rule",
    "grade/below-pace",
    "--cell",
    "アウトプット指標!J15",
    "--reason",
    "指標8は令和8年度からの事業のため",
  ]);
  expect(accepted.code).toBe(0);
  expect(await sheetTag(file)).toContain('state="veryHidden"');

  const outDir = path.join(work, "out");
  execFileSync(
    soffice(),
    [
      `-env:UserInstallation=file://${path.join(work, "profile")}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      file,
    ],
    {
      timeout: 180_000,
      stdio: "pipe",
    },
  );
  const saved = path.join(outDir, "r7-report.xlsx");
  expect(existsSync(saved)).toBe(true);
  expect(await sheetTag(saved)).toBeDefined();

  const r = ReportSchema.parse(JSON.parse((await runCaptured(["check", saved, "--format", "json"])).stdout));
  expect(r.files[0].findings.filter((f) => f.accepted).map((f) => `${f.rule} ${f.cell}`)).toEqual([
    "grade/below-pace J15",
  ]);
  expect(r.files[0].findings.filter((f) => f.rule.startsWith("accepted/"))).toEqual([]);
  expect(r.files[0].sheets.map((s) => s.name)).not.toContain("Kensa_accepted");

  // the next acceptance written into the saved file hides the sheet from the person again
  const again = await runCaptured([
    "accept",
    saved,
    "--rule",
    "grade/below-pace",
    "--cell",
    "アウトプット指標!J23",
    "--reason",
    "年度後半に集中するため",
  ]);
  expect(again.code).toBe(0);
  expect(await sheetTag(saved)).toContain('state="veryHidden"');
  const r2 = ReportSchema.parse(JSON.parse((await runCaptured(["check", saved, "--format", "json"])).stdout));
  expect(r2.files[0].summary.accepted).toBe(2);
}, 240_000);
