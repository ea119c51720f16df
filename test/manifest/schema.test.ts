import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkManifest } from "../../scripts/check-manifest";
import { loadSchemas, patchSchema, validateManifestXsd } from "../../src/manifest/validate-offline";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const APP = "{http://schemas.microsoft.com/office/appforoffice/1.1}";
const OV = "{http://schemas.microsoft.com/office/taskpaneappversionoverrides}";
/** Microsoft's own [MS-OWEMXML] XSDs, when a developer has them (not in the repository). */

function mutate(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  expect(out).not.toEqual(xml);
  return out;
}
const lineOf = (xml: string, needle: string) => xml.slice(0, xml.indexOf(needle)).split("\n").length;

describe("manifest.xml against the [MS-OWEMXML] schemas (xmllint-wasm, offline)", () => {
  test("the real manifest is valid", async () => {
    expect(await validateManifestXsd(MANIFEST)).toEqual({ valid: true, problems: [] });
  });

  test("an element out of order fails with its line", async () => {
    const xml = mutate(MANIFEST, /(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/, "$3$2$1");
    const r = await validateManifestXsd(xml);
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual([
      `manifest.xml:${lineOf(xml, "<Version>")}: Element '${APP}Version': This element is not expected. Expected is ( ${APP}Id ).`,
    ]);
  });

  test("Supertip before Label inside a button fails", async () => {
    const xml = mutate(
      MANIFEST,
      /(<Label resid="Kensa\.Clear\.Label"\/>)(\s*)(<Supertip>[\s\S]*?<\/Supertip>)/,
      "$3$2$1",
    );
    const r = await validateManifestXsd(xml);
    expect(r.problems).toEqual([
      expect.stringContaining(`Element '${OV}Supertip': This element is not expected. Expected is ( ${OV}Label ).`),
    ]);
  });

  test("an unknown element fails", async () => {
    const xml = mutate(MANIFEST, "<Permissions>", "<Colour>blue</Colour>\n  <Permissions>");
    const r = await validateManifestXsd(xml);
    expect(r.problems).toEqual([
      `manifest.xml:${lineOf(xml, "<Colour>")}: Element '${APP}Colour': This element is not expected. Expected is ( ${APP}Permissions ).`,
    ]);
  });

  test("an unknown action type, a bad permission and an over-long label fail", async () => {
    let xml = mutate(MANIFEST, 'xsi:type="ExecuteFunction"', 'xsi:type="RunScript"');
    xml = mutate(xml, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>");
    xml = mutate(xml, 'DefaultValue="ハイライト解除"', `DefaultValue="${"ハ".repeat(126)}"`);
    const r = await validateManifestXsd(xml);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("RunScript"),
        expect.stringContaining("[facet 'enumeration'] The value 'Everything' is not an element of the set"),
        expect.stringContaining("[facet 'maxLength']"),
      ]),
    );
  });

  test("unprefixed <Sets> inside VersionOverrides fails (it must be bt:Sets)", async () => {
    const xml = mutate(
      MANIFEST,
      /(<VersionOverrides [^>]*>)/,
      '$1\n    <Requirements><Sets DefaultMinVersion="1.1"><Set Name="ExcelApi" MinVersion="1.9"/></Sets></Requirements>',
    );
    expect((await validateManifestXsd(xml)).problems).toEqual([
      expect.stringContaining(`Element '${OV}Sets': This element is not expected.`),
    ]);
    const ok = xml.replace(
      '<Sets DefaultMinVersion="1.1"><Set Name="ExcelApi" MinVersion="1.9"/></Sets>',
      '<bt:Sets DefaultMinVersion="1.1"><bt:Set Name="ExcelApi" MinVersion="1.9"/></bt:Sets>',
    );
    expect(await validateManifestXsd(ok)).toEqual({ valid: true, problems: [] });
  });

  test("<Runtimes> comes first in the Host and <Runtime lifetime> is short or long (shared runtime)", async () => {
    let xml = mutate(
      MANIFEST,
      /(<Runtimes>[\s\S]*?<\/Runtimes>)(\s*)(<DesktopFormFactor>[\s\S]*<\/DesktopFormFactor>)/,
      "$3$2$1",
    );
    let r = await validateManifestXsd(xml);
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual([expect.stringContaining(`Element '${OV}Runtimes': This element is not expected.`)]);
    xml = mutate(MANIFEST, 'lifetime="long"', 'lifetime="forever"');
    r = await validateManifestXsd(xml);
    expect(r.problems).toEqual([expect.stringContaining("'forever' is not an element of the set")]);
  });

  test("XML that is not well-formed fails with the parser's message", async () => {
    const r = await validateManifestXsd(MANIFEST.replace("</Permissions>", ""));
    expect(r.valid).toBe(false);
    expect(r.problems[0]).toMatch(/^manifest\.xml:\d+: parser error : Opening and ending tag mismatch: Permissions/);
  });

  test("patchSchema fixes the two known defects of Microsoft's published copies", () => {
    const broken = `<xs:schema xmlns:xs="https://www.w3.org/2001/XMLSchema"><xs:pattern value="([0-9]{1,5})(\\.[0-9]{1,5}){0,3}?"/></xs:schema>`;
    expect(patchSchema(broken)).toBe(
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:pattern value="([0-9]{1,5})(\\.[0-9]{1,5}){0,3}"/></xs:schema>`,
    );
  });

  test("missing imported schemas are stubbed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensa-xsd-"));
    try {
      fs.writeFileSync(
        path.join(dir, "OfficeAppManifestV1_1.xsd"),
        `<xs:schema xmlns:xs="https://www.w3.org/2001/XMLSchema"><xs:import schemaLocation="ContentAppVersionOverridesV1_0.xsd" namespace="urn:content"/></xs:schema>`,
      );
      const files = loadSchemas(dir);
      expect(files.map((f) => f.fileName)).toEqual(["OfficeAppManifestV1_1.xsd", "ContentAppVersionOverridesV1_0.xsd"]);
      expect(files[1].contents).toContain('targetNamespace="urn:content"');
      expect(files[0].contents).toContain('"http://www.w3.org/2001/XMLSchema"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm run manifest:check", () => {
  test("checkManifest passes on the real manifest", async () => {
    expect(await checkManifest(path.join(ROOT, "manifest.xml"))).toEqual([]);
  });

  test("the CLI prints XSD and lint problems and exits 1", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kensa-manifest-"));
    const bad = path.join(dir, "manifest.xml");
    fs.writeFileSync(
      bad,
      MANIFEST.replace('<Label resid="Kensa.Clear.Label"/>', '<Label resid="Nope"/>').replace(
        "<Permissions>",
        "<Colour/>\n  <Permissions>",
      ),
    );
    try {
      execFileSync(
        process.execPath,
        [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/check-manifest.ts"), bad],
        {
          cwd: ROOT,
          encoding: "utf8",
          stdio: "pipe",
        },
      );
      throw new Error("expected exit 1");
    } catch (err) {
      const e = err as { status?: number; stderr?: string };
      expect(e.status).toBe(1);
      expect(e.stderr).toMatch(/manifest\.xml:\d+: Element '\{[^}]+\}Colour': This element is not expected/);
      expect(e.stderr).toMatch(/manifest\.xml: \d+: <Label resid="Nope">: resid "Nope" does not resolve/);
      expect(e.stderr).toMatch(/\n2 problem\(s\) in .*manifest\.xml \(schemas: assets\/schemas\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
