/**
 * The `kensa` command line.
 *
 *   kensa check <files or folders>... [--lang ja|en] [--format text|json|csv] [--out FILE.xlsx|FILE.csv]
 *                                     [--each] [--annotate DIR] [--severity error|warning|info] [--quiet] [--no-color]
 *                                     [--catalogue FILE.yaml|FILE.json] [--accepted show|hide]
 *   kensa accept FILE [OTHER FILES OR FOLDERS...] --rule ID --cell SHEET!A1 --reason TEXT [--by NAME]
 *   kensa accept FILE --revoke --rule ID --cell SHEET!A1 | --list [--format json]      (./accept.ts)
 *   kensa template --out FILE [--lang ja|en] [--force]
 *   kensa rules [--lang ja|en] [--format text|json]
 *   kensa catalogue [--format json|yaml|xlsx] [--out FILE] [--catalogue FILE] [--lang ja|en] [--force]
 *
 * Every workbook given is checked as one submission set (DOMAIN §3.4): projects are matched by their 統合プロジェクト
 * metadata across the files, and the roll-up and cross-references run across them; `--each` checks each file on
 * its own instead.
 *
 * Exit codes of `check`: 0 when every file was checked and no error was found; 1 when any error finding, a
 * file that could not be read, a file with no sheet of a known kind (未検証: nothing in it was checked), or
 * an annotated copy or the --out file that could not be written; 2 for a usage problem (--out naming an input
 * or not ending in .xlsx/.csv included) or when no file could be read.
 * Other commands: 0 on success, 1 on failure, 2 for a usage problem. A --catalogue file that cannot be read or
 * is not a valid catalogue is a usage problem (2), each problem named by its line and path.
 *
 * Usage errors, commander's own included, are in Japanese unless --lang en (or KENSA_LANG=en): ./commander-ja.ts.
 */
import { CommanderError, Option } from "commander";
import { readFileSync } from "fs";
import * as path from "path";
import type { Lang } from "../core/values/format";
import { ACCEPT_UI, runAccept, type AcceptOpts } from "./accept";
import { LocalizedCommand } from "./commander-ja";
import { escapeControls as safe } from "./terminal";
import { runCheck, type CheckOpts } from "./check";
import { runCatalogueCommand, runRules, runTemplate, type CatalogueFormat } from "./commands";
import { oneLine, processIO, reason, type CliIO, type CliDeps } from "./io";
import { UI } from "./ui";

export { processIO, type CliDeps, type CliIO, type OutStream } from "./io";

function version(): string {
  try {
    // src/cli and lib/cli are both two levels below the package root.
    const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** The language for help texts, read before parsing: --lang en, --lang=en or KENSA_LANG=en. */
function preLang(args: readonly string[], env: CliIO["env"]): Lang {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--lang" && args[i + 1] === "en") return "en";
    if (args[i] === "--lang=en") return "en";
  }
  return env.KENSA_LANG === "en" ? "en" : "ja";
}

/** Runs the CLI with process.argv-style arguments; resolves to the exit code. Never throws. */
export async function main(
  argv: readonly string[] = process.argv,
  io: CliIO = processIO(),
  deps: CliDeps = {},
): Promise<number> {
  const args = argv.slice(2);
  const ui = UI[preLang(args, io.env)];
  let exitCode = 0;

  const program = new LocalizedCommand("kensa", preLang(args, io.env));
  program
    .description(ui.description)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`kensa: ${safe(oneLine(s).replace(/^error:\s*/, ""))}\n`),
    })
    .version(version(), "-v, --version", ui.version)
    .helpOption("-h, --help", ui.help)
    .helpCommand(false)
    .showSuggestionAfterError(true);

  const langOption = () => new Option("--lang <lang>", ui.lang).choices(["ja", "en"]).default("ja");

  program
    .command("check")
    .description(ui.check)
    .argument("<paths...>", ui.paths)
    .addOption(langOption())
    .addOption(new Option("--format <format>", ui.checkFormat).choices(["text", "json", "csv"]).default("text"))
    .option("-o, --out <file>", ui.checkOut)
    .option("--each", ui.each)
    .option("--annotate <dir>", ui.annotate)
    .addOption(new Option("--severity <level>", ui.severity).choices(["error", "warning", "info"]).default("info"))
    .option("-q, --quiet", ui.quiet)
    .option("--no-color", ui.noColor)
    .option("--catalogue <file>", ui.catalogueOpt)
    .addOption(
      new Option("--accepted <mode>", ACCEPT_UI[preLang(args, io.env)].checkOption)
        .choices(["show", "hide"])
        .default("show"),
    )
    .addHelpText("after", `\n${ui.exitCodes}\n`)
    .action(async (paths: string[], opts: CheckOpts) => {
      exitCode = await runCheck(paths, opts, io, deps);
    });

  const acceptUi = ACCEPT_UI[preLang(args, io.env)];
  program
    .command("accept")
    .description(acceptUi.command)
    .argument("<file>", acceptUi.file)
    .argument("[others...]", acceptUi.others)
    .option("--rule <id>", acceptUi.rule)
    .option("--cell <sheet!cell>", acceptUi.cell)
    .option("--reason <text>", acceptUi.reason)
    .option("--by <name>", acceptUi.by)
    .option("--revoke", acceptUi.revoke)
    .option("--list", acceptUi.list)
    .addOption(new Option("--format <format>", acceptUi.format).choices(["text", "json"]).default("text"))
    .addOption(langOption())
    .action(async (file: string, others: string[], opts: AcceptOpts) => {
      exitCode = await runAccept(file, others, opts, io, deps.rules);
    });

  program
    .command("template")
    .description(ui.template)
    .requiredOption("-o, --out <file>", ui.out)
    .addOption(langOption())
    .option("-f, --force", ui.force)
    .action(async (opts: { out: string; lang: Lang; force?: boolean }) => {
      exitCode = await runTemplate(opts, io);
    });

  program
    .command("rules")
    .description(ui.rules)
    .addOption(langOption())
    .addOption(new Option("--format <format>", ui.format).choices(["text", "json"]).default("text"))
    .action((opts: { lang: Lang; format: "text" | "json" }) => {
      exitCode = runRules(opts, io);
    });

  program
    .command("catalogue")
    .description(ui.catalogueCmd)
    .addOption(langOption())
    .addOption(new Option("--format <format>", ui.catalogueFormat).choices(["json", "yaml", "xlsx"]))
    .option("-o, --out <file>", ui.catalogueOut)
    .option("--catalogue <file>", ui.catalogueOpt)
    .option("-f, --force", ui.force)
    .action(
      async (opts: { lang: Lang; format?: CatalogueFormat; out?: string; catalogue?: string; force?: boolean }) => {
        exitCode = await runCatalogueCommand(opts, io);
      },
    );

  if (args.length === 0) {
    io.stderr.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.stderr.write(`kensa: ${safe(UI[preLang(args, io.env)].internal(reason(err)))}\n`);
    if (io.env.KENSA_DEBUG && err instanceof Error) io.stderr.write(`${err.stack}\n`);
    return 1;
  }
  return exitCode;
}
