// PLACEHOLDER until the monitoring helper lands the §3.5 cross-references.
import type { CheckContext } from "../rules/context";
import type { Equality } from "./analysis";

export function crossReferences(_ctx: CheckContext): Equality[] {
  return [];
}
