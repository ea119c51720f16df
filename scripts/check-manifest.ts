/**
 * Offline manifest check: XSD validation (src/manifest/validate-offline.ts) plus the lint
 * (src/manifest/lint.ts). Prints every problem and exits 1 if there is any. No network.
 *
 *   npm run manifest:check                       # manifest.xml, Kensa's subset schemas in assets/schemas/
 *   npm run manifest:check -- other.xml
 *   npm run manifest:check -- --schemas <dir>    # Microsoft's own [MS-OWEMXML] XSDs instead
 *                                                # (also KENSA_OWEMXML_XSD_DIR=<dir>)
 *
 * Microsoft's online validator stays available as `npm run validate` (it needs the internet).
 */
import * as fs from "fs";
import * as path from "path";
import { lintManifest } from "../src/manifest/lint";
import { DEFAULT_SCHEMA_DIR, validateManifestXsd } from "../src/manifest/validate-offline";

const ROOT = path.resolve(__dirname, "..");

export async function checkManifest(
  manifestPath: string,
  schemaDir: string = DEFAULT_SCHEMA_DIR,
  root: string = ROOT,
): Promise<string[]> {
  const xml = fs.readFileSync(manifestPath, "utf8");
  const label = path.relative(process.cwd(), manifestPath) || manifestPath;
  const xsd = await validateManifestXsd(xml, { schemaDir, fileName: label });
  const inRoot = (rel: string) => path.join(root, rel);
  const isFile = (rel: string) => fs.existsSync(inRoot(rel)) && fs.statSync(inRoot(rel)).isFile();
  const commandsFile = inRoot("src/commands/commands.ts");
  const lint = lintManifest(
    xml,
    isFile,
    fs.existsSync(commandsFile) ? fs.readFileSync(commandsFile, "utf8") : undefined,
    {
      readFile: (rel) => (isFile(rel) ? fs.readFileSync(inRoot(rel)) : undefined),
    },
  );
  return [...xsd.problems, ...lint.map((p) => `${label}: ${p.replace(/^line (\d+): /, "$1: ")}`)];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let schemaDir = process.env.KENSA_OWEMXML_XSD_DIR || DEFAULT_SCHEMA_DIR;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--schemas") schemaDir = path.resolve(args[++i] ?? "");
    else files.push(args[i]);
  }
  const manifest = path.resolve(files[0] ?? path.join(ROOT, "manifest.xml"));
  const t = Date.now();
  const problems = await checkManifest(manifest, schemaDir);
  const schemas = path.relative(process.cwd(), schemaDir) || schemaDir;
  if (problems.length) {
    for (const p of problems) console.error(p);
    console.error(`\n${problems.length} problem(s) in ${path.relative(process.cwd(), manifest)} (schemas: ${schemas})`);
    process.exitCode = 1;
  } else {
    console.log(
      `${path.relative(process.cwd(), manifest)}: valid against ${schemas} and lint clean (${Date.now() - t} ms)`,
    );
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
