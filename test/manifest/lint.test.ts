import * as fs from "fs";
import * as path from "path";
import { COMMAND_FUNCTIONS } from "../../src/commands/function-names";
import { EXCEL_API_FLOOR, lintManifest } from "../../src/manifest/lint";
import { associatedNames, pngSize } from "../../src/manifest/sources";
import { parseXml, xsiType } from "../../src/manifest/xml";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const COMMANDS_PATH = path.join(ROOT, "src/commands/commands.ts");
const COMMANDS = fs.existsSync(COMMANDS_PATH) ? fs.readFileSync(COMMANDS_PATH, "utf8") : undefined;

const isFile = (rel: string) => fs.existsSync(path.join(ROOT, rel)) && fs.statSync(path.join(ROOT, rel)).isFile();
const readFile = (rel: string) => (isFile(rel) ? fs.readFileSync(path.join(ROOT, rel)) : undefined);
/** Associates both names, as commands.ts must. */
const GOOD_COMMANDS = `Office.onReady(() => {
  Office.actions.associate(COMMAND_FUNCTIONS.recheck, recheck);
  Office.actions.associate("kensaClearHighlights", clear);
});`;

function lint(xml: string, opts: { exists?: (rel: string) => boolean; commands?: string | undefined } = {}): string[] {
  return lintManifest(xml, opts.exists ?? isFile, "commands" in opts ? opts.commands : GOOD_COMMANDS, { readFile });
}

/** Replaces exactly one occurrence, so a mutation that silently matches nothing fails the test. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const count = typeof from === "string" ? xml.split(from).length - 1 : (xml.match(new RegExp(from, "g")) ?? []).length;
  expect(count).toBeGreaterThanOrEqual(1);
  return xml.replace(from, to);
}

describe("manifest.xml lint", () => {
  test("the real manifest, icons and commands.ts pass", () => {
    expect(lintManifest(MANIFEST, isFile, COMMANDS, { readFile })).toEqual([]);
  });

  test("ExecuteFunction names are exactly COMMAND_FUNCTIONS", () => {
    expect(COMMAND_FUNCTIONS).toEqual({ recheck: "kensaRecheck", clearHighlights: "kensaClearHighlights" });
    const root = parseXml(MANIFEST);
    const names: string[] = [];
    const visit = (el: ReturnType<typeof parseXml>) => {
      if (el.name === "Action" && xsiType(el) === "ExecuteFunction") names.push(el.children[0].text.trim());
      el.children.forEach(visit);
    };
    visit(root);
    expect(names.sort()).toEqual(Object.values(COMMAND_FUNCTIONS).sort());
  });

  test("three buttons on the Home tab: ShowTaskpane and two ExecuteFunction, labelled in Japanese with English overrides", () => {
    expect(MANIFEST).toContain('<OfficeTab id="TabHome">');
    for (const label of ["検証", "再計算・検証", "ハイライト解除"])
      expect(MANIFEST).toContain(`DefaultValue="${label}"`);
    expect(MANIFEST.match(/xsi:type="ShowTaskpane"/g)).toHaveLength(1);
    expect(MANIFEST.match(/xsi:type="ExecuteFunction"/g)).toHaveLength(2);
    expect(MANIFEST).toContain(`<Set Name="ExcelApi" MinVersion="${EXCEL_API_FLOOR}"/>`);
  });

  test("a dangling resid is reported with its line", () => {
    const xml = mutate(MANIFEST, '<Label resid="Kensa.Clear.Label"/>', '<Label resid="Kensa.Clear.Lable"/>');
    const problems = lint(xml);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^line \d+: <Label resid="Kensa\.Clear\.Lable">: resid "Kensa\.Clear\.Lable" does not resolve \(no bt:ShortStrings\/bt:String/,
      ),
    );
  });

  test("a resid of the wrong kind is reported", () => {
    const xml = mutate(MANIFEST, '<Description resid="Kensa.Clear.Tip"/>', '<Description resid="Kensa.Clear.Label"/>');
    expect(lint(xml)).toContainEqual(
      expect.stringContaining(
        'resid "Kensa.Clear.Label" is a bt:ShortStrings/bt:String, expected a bt:LongStrings/bt:String',
      ),
    );
    expect(lint(xml)).toContainEqual(expect.stringContaining('resource "Kensa.Clear.Tip" is never used'));
  });

  test("a duplicate resource id is reported", () => {
    const xml = mutate(MANIFEST, 'bt:Url id="Kensa.Help.Url"', 'bt:Url id="Kensa.Taskpane.Url"');
    expect(lint(xml)).toContainEqual(
      expect.stringContaining('resource id "Kensa.Taskpane.Url" is defined more than once'),
    );
  });

  test("an http URL is reported", () => {
    const xml = mutate(
      MANIFEST,
      'bt:Url id="Kensa.Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"',
      'bt:Url id="Kensa.Taskpane.Url" DefaultValue="http://localhost:3000/taskpane.html"',
    );
    expect(lint(xml)).toContainEqual(
      expect.stringMatching(
        /^line \d+: URL "Kensa\.Taskpane\.Url": "http:\/\/localhost:3000\/taskpane\.html" is not https$/,
      ),
    );
  });

  test("the shared runtime: required, one long-lived Runtime, its resid for the FunctionFile and the pane, no TaskpaneId", () => {
    // the real manifest: the ribbon runs in the pane's page
    expect(MANIFEST).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(MANIFEST).toContain('<Runtime resid="Kensa.Taskpane.Url" lifetime="long"/>');
    expect(MANIFEST).toContain('<FunctionFile resid="Kensa.Taskpane.Url"/>');
    expect(MANIFEST).not.toContain("<TaskpaneId>");
    expect(MANIFEST).not.toContain("commands.html");
    let xml = mutate(MANIFEST, /\s*<Set Name="SharedRuntime" MinVersion="1\.1"\/>/, "");
    expect(lint(xml)).toContainEqual(
      expect.stringContaining('does not declare <Set Name="SharedRuntime" MinVersion="1.1"/>'),
    );
    xml = mutate(MANIFEST, 'lifetime="long"', 'lifetime="short"');
    expect(lint(xml)).toContainEqual(
      expect.stringContaining('needs exactly one <Runtime lifetime="long"> (the shared runtime), found 0'),
    );
    xml = mutate(MANIFEST, '<FunctionFile resid="Kensa.Taskpane.Url"/>', '<FunctionFile resid="Kensa.Help.Url"/>');
    expect(lint(xml)).toContainEqual(
      expect.stringMatching(
        /^line \d+: <FunctionFile resid="Kensa\.Help\.Url"> is not the shared runtime's resid "Kensa\.Taskpane\.Url"$/,
      ),
    );
    xml = mutate(
      MANIFEST,
      '<Action xsi:type="ShowTaskpane">',
      '<Action xsi:type="ShowTaskpane">\n                    <TaskpaneId>KensaTaskpane</TaskpaneId>',
    );
    expect(lint(xml)).toContainEqual(
      expect.stringContaining("a ShowTaskpane action of the shared runtime has a <TaskpaneId>"),
    );
  });

  test("an http override and a URL on another origin are reported", () => {
    let xml = mutate(
      MANIFEST,
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"><Override Locale="en-US" Value="http://localhost:3000/assets/icon-32.png"/></IconUrl>',
    );
    xml = mutate(
      xml,
      '<SupportUrl DefaultValue="https://localhost:3000/assets/help.html"/>',
      '<SupportUrl DefaultValue="https://example.com/help"/>',
    );
    const problems = lint(xml);
    expect(problems).toContainEqual(
      expect.stringContaining('<IconUrl> (en-US override): "http://localhost:3000/assets/icon-32.png" is not https'),
    );
    expect(problems).toContainEqual(
      expect.stringContaining('<SupportUrl>: "https://example.com/help" is not under https://localhost:3000/'),
    );
  });

  test("a missing icon file is reported", () => {
    const exists = (rel: string) => rel !== "assets/icon-80.png" && isFile(rel);
    expect(lint(MANIFEST, { exists })).toEqual([
      expect.stringMatching(
        /^line \d+: image "Kensa\.Icon\.80": "https:\/\/localhost:3000\/assets\/icon-80\.png" needs assets\/icon-80\.png, which does not exist$/,
      ),
    ]);
    const xml = mutate(
      MANIFEST,
      "https://localhost:3000/assets/icon-64.png",
      "https://localhost:3000/assets/icon-65.png",
    );
    expect(lint(xml)).toContainEqual(
      expect.stringContaining(
        '<HighResolutionIconUrl>: "https://localhost:3000/assets/icon-65.png" needs assets/icon-65.png, which does not exist',
      ),
    );
  });

  test("an icon of the wrong pixel size is reported", () => {
    const xml = mutate(
      MANIFEST,
      'id="Kensa.Icon.32" DefaultValue="https://localhost:3000/assets/icon-32.png"',
      'id="Kensa.Icon.32" DefaultValue="https://localhost:3000/assets/icon-64.png"',
    );
    expect(lint(xml)).toContainEqual(
      expect.stringContaining('image "Kensa.Icon.32": assets/icon-64.png is 64×64 pixels, expected 32×32'),
    );
  });

  test("a ribbon icon list without the 80 px image is reported", () => {
    const xml = mutate(MANIFEST, /\s*<bt:Image size="80" resid="Kensa\.Icon\.80"\/>/, "");
    expect(lint(xml)).toContainEqual(expect.stringMatching(/^line \d+: <Icon> has no 80 px <bt:Image>/));
  });

  test("an unknown ExecuteFunction name is reported, and the missing one too", () => {
    const xml = mutate(
      MANIFEST,
      "<FunctionName>kensaRecheck</FunctionName>",
      "<FunctionName>kensaReCheck</FunctionName>",
    );
    const problems = lint(xml);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^line \d+: ExecuteFunction "kensaReCheck" is not in COMMAND_FUNCTIONS \(kensaRecheck, kensaClearHighlights/,
      ),
    );
    expect(problems).toContainEqual(
      'COMMAND_FUNCTIONS.recheck ("kensaRecheck") has no ExecuteFunction button in the manifest',
    );
  });

  test("ExecuteFunction buttons without a FunctionFile are reported", () => {
    const xml = mutate(MANIFEST, /\s*<FunctionFile resid="Kensa\.Taskpane\.Url"\/>/, "");
    expect(lint(xml)).toContainEqual(
      expect.stringContaining("<DesktopFormFactor> has ExecuteFunction buttons but no <FunctionFile>"),
    );
  });

  test("commands.ts must associate every name; unknown names are reported", () => {
    const missing = `Office.actions.associate(COMMAND_FUNCTIONS.recheck, recheck);
      // Office.actions.associate(COMMAND_FUNCTIONS.clearHighlights, clear);
      Office.actions.associate("kensaClear", clear);`;
    expect(lint(MANIFEST, { commands: missing })).toEqual([
      'src/commands/commands.ts does not associate "kensaClearHighlights": expected Office.actions.associate(COMMAND_FUNCTIONS.clearHighlights, …) or Office.actions.associate("kensaClearHighlights", …)',
      'src/commands/commands.ts associates "kensaClear", which is not in COMMAND_FUNCTIONS',
    ]);
    // before commands.ts exists, only the manifest side is checked
    expect(lint(MANIFEST, { commands: undefined })).toEqual([]);
  });

  test("associatedNames understands literals and COMMAND_FUNCTIONS members", () => {
    const src = `Office.actions.associate('kensaRecheck', a); Office.actions.associate(COMMAND_FUNCTIONS["clearHighlights"], b);
      /* Office.actions.associate("commentedOut", c); */ actions.associate(\`x\`, d);`;
    expect([...associatedNames(src)].sort()).toEqual(["kensaClearHighlights", "kensaRecheck", "x"]);
  });

  test("a string without its en-US override, or with a ja-JP one, is reported", () => {
    let xml = mutate(MANIFEST, /\s*<bt:Override Locale="en-US" Value="Clear highlights"\/>/, "");
    xml = mutate(
      xml,
      '<bt:Override Locale="en-US" Value="Check"/>',
      '<bt:Override Locale="en-US" Value="Check"/><bt:Override Locale="ja-JP" Value="検証"/>',
    );
    const problems = lint(xml);
    expect(problems).toContainEqual(
      expect.stringMatching(/^line \d+: string "Kensa\.Clear\.Label" has no en-US <Override>$/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^line \d+: string "Kensa\.Check\.Label" overrides the default locale ja-JP$/),
    );
  });

  test("identity, floor, host and permissions are checked", () => {
    let xml = mutate(MANIFEST, "<Version>1.0.0.0</Version>", "<Version>1.0</Version>");
    xml = mutate(xml, 'MinVersion="1.9"', 'MinVersion="1.8"');
    xml = mutate(xml, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>");
    xml = mutate(xml, "<Id>ccbbfc04-d49b-4021-8d02-8a33cd42f0c5</Id>", "<Id>kensa</Id>");
    const problems = lint(xml);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('<Id> "kensa" is not a GUID'),
        expect.stringContaining('<Version> "1.0" is not of the form n.n.n.n'),
        expect.stringContaining('ExcelApi MinVersion is "1.8", expected 1.9'),
        expect.stringContaining('<Permissions> is "ReadDocument", expected ReadWriteDocument'),
      ]),
    );
  });

  test("duplicate control ids are reported", () => {
    const xml = mutate(MANIFEST, 'id="Kensa.Clear"', 'id="Kensa.Check"');
    expect(lint(xml)).toContainEqual(
      expect.stringMatching(/<Control id="Kensa\.Check"> repeats an id already used on line \d+/),
    );
  });

  test("a manifest that is not well-formed gives one clear problem", () => {
    expect(lint(MANIFEST.replace("</Permissions>", ""))).toEqual([
      expect.stringMatching(/^manifest\.xml is not well-formed: /),
    ]);
  });

  test("pngSize reads IHDR and rejects other bytes", () => {
    expect(pngSize(fs.readFileSync(path.join(ROOT, "assets/icon-80.png")))).toEqual({ width: 80, height: 80 });
    expect(pngSize(Buffer.from("GIF89a not a png at all, long enough"))).toBeUndefined();
  });
});
