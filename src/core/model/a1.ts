/** A1 parsing that never throws, for addresses that come from users, workbooks or findings of other files. */
import { fromA1 } from "./address";

/** Row and column (0-based) of an A1 address (`C5`, `$C$5`); undefined when it is not one. */
export function tryFromA1(address: string): { row: number; col: number } | undefined {
  try {
    return fromA1(address);
  } catch {
    return undefined;
  }
}
