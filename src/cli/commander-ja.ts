/**
 * commander in Japanese: its usage errors (unknown option, missing argument, invalid choice…) and the headings
 * of its help. commander builds each error message in English and hands it to `Command.error(message,
 * { code })`, a public method; a subclass overrides it, recognises the message by its code and rewrites it from
 * the parts it names. Help headings go through `Help.styleTitle`, and the `(choices: …, default: …)` of an
 * option through `Help.optionDescription`, both documented extension points (configureHelp).
 *
 * The English messages are those of commander 14 (lib/command.js, lib/option.js, lib/suggestSimilar.js); a
 * message that does not match its pattern is left in English rather than guessed at.
 */
import { Command, Help, type Option } from "commander";
import type { Lang } from "../core/values/format";

/** commander's "(Did you mean --format?)" suggestion, in Japanese. */
function suggestion(s: string | undefined): string {
  if (!s) return "";
  const many = /^\s*\(Did you mean one of (.+)\?\)\s*$/.exec(s);
  if (many) return `（${many[1].split(", ").join("、")} のいずれかのことですか？）`;
  const one = /^\s*\(Did you mean (.+)\?\)\s*$/.exec(s);
  return one ? `（${one[1]} のことですか？）` : "";
}

/** A commander error message (starting "error: ") in Japanese; undefined when it is not one we know. */
export function translateCommanderError(message: string, code: string | undefined): string | undefined {
  const m = message.replace(/^error:\s*/, "");
  let x: RegExpExecArray | null;
  switch (code) {
    case "commander.unknownOption":
      if ((x = /^unknown option '([^']*)'([\s\S]*)$/.exec(m)))
        return `error: 不明なオプション ${x[1]} です${suggestion(x[2])}`;
      break;
    case "commander.unknownCommand":
      if ((x = /^unknown command '([^']*)'([\s\S]*)$/.exec(m)))
        return `error: 不明なコマンド ${x[1]} です${suggestion(x[2])}`;
      break;
    case "commander.missingArgument":
      if ((x = /^missing required argument '([^']*)'$/.exec(m))) return `error: 引数 <${x[1]}> がありません`;
      break;
    case "commander.optionMissingArgument":
      if ((x = /^option '([^']*)' argument missing$/.exec(m))) return `error: オプション ${x[1]} の値がありません`;
      break;
    case "commander.missingMandatoryOptionValue":
      if ((x = /^required option '([^']*)' not specified$/.exec(m))) return `error: オプション ${x[1]} が必要です`;
      break;
    case "commander.excessArguments":
      if ((x = /^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(m))) {
        return `error: 引数が多すぎます${x[1] ? `（${x[1]} の引数は ${x[2]} 個ですが、${x[3]} 個あります）` : `（${x[2]} 個のところ ${x[3]} 個あります）`}`;
      }
      break;
    case "commander.invalidArgument": {
      const choices = /Allowed choices are (.+)\.$/.exec(m);
      const allowed = choices ? `。${choices[1].split(", ").join("・")} のいずれかを指定してください` : "";
      if ((x = /^option '([^']*)' argument '([^']*)' is invalid\./.exec(m)))
        return `error: オプション ${x[1]} の値「${x[2]}」は使えません${allowed}`;
      if ((x = /^command-argument value '([^']*)' is invalid for argument '([^']*)'\./.exec(m)))
        return `error: 引数 ${x[2]} の値「${x[1]}」は使えません${allowed}`;
      break;
    }
    case "commander.conflictingOption":
      if ((x = /^(.+) cannot be used with (.+)$/.exec(m)))
        return `error: ${x[1].replace(/option '([^']*)'/g, "$1")} と ${x[2].replace(/option '([^']*)'/g, "$1")} は一緒に使えません`;
      break;
  }
  return undefined;
}

const TITLES: Record<string, string> = {
  "Usage:": "使い方:",
  "Options:": "オプション:",
  "Arguments:": "引数:",
  "Commands:": "コマンド:",
  "Global Options:": "共通のオプション:",
};

/** Help in Japanese: headings, and `(choices: "ja", "en", default: "ja")` as （選択肢: ja・en、既定: ja）. */
class JapaneseHelp extends Help {
  styleTitle(str: string): string {
    return super.styleTitle(TITLES[str] ?? str);
  }

  optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`選択肢: ${option.argChoices.join("・")}`);
    if (
      option.defaultValue !== undefined &&
      (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean"))
    ) {
      extra.push(`既定: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
    }
    return extra.length ? `${option.description}（${extra.join("、")}）` : option.description;
  }
}

/**
 * A commander Command whose usage errors and help are in the given language (Japanese: translated; English:
 * commander's own). Subcommands made with `.command()` are of the same class and language.
 */
export class LocalizedCommand extends Command {
  constructor(
    name: string | undefined,
    readonly lang: Lang,
  ) {
    super(name);
  }

  createCommand(name?: string): Command {
    return new LocalizedCommand(name, this.lang);
  }

  createHelp(): Help {
    return this.lang === "ja" ? Object.assign(new JapaneseHelp(), this.configureHelp()) : super.createHelp();
  }

  error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const translated = this.lang === "ja" ? translateCommanderError(message, errorOptions?.code) : undefined;
    return super.error(translated ?? message, errorOptions);
  }
}
