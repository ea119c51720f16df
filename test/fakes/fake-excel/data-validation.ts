/**
 * Range.dataValidation of the FAKE Excel (see test/fakes/fake-excel.ts), recorded per sheet for tests
 * (FakeSheet.validations).
 *
 * - Range.dataValidation (ExcelApi 1.8): a rule holds exactly one kind of criteria ("You can only use one of
 *   them at a time", DataValidationRule reference), else InvalidArgument; prompt, errorAlert and ignoreBlanks
 *   (defaults to true, docs/excel/excel-add-ins-data-validation.md) are recorded with it;
 */
import { bytesOf, rectAddress } from "./address";
import { FakeExcelError, type FakeValidation } from "./model";
import type { FakeRange } from "./range";

/** ExcelApi 1.8 (ref Range.dataValidation): rule, prompt, errorAlert, ignoreBlanks, recorded by address. */
export function dataValidationOf(range: FakeRange): Record<string, unknown> {
  range.context.proxy();
  const set = (part: keyof FakeValidation, v: unknown) =>
    range.context.enqueue({
      bytes: 40 + bytesOf(v),
      minVersion: "1.8",
      exec: () => {
        const s = range.worksheet.resolve();
        range.context.touch(s);
        const kinds = part === "rule" && v && typeof v === "object" ? Object.keys(v) : [];
        if (part === "rule" && kinds.length !== 1)
          throw new FakeExcelError("InvalidArgument", "fake: a validation rule holds exactly one kind of criteria");
        const address = rectAddress(range.rect!);
        const dv = s.validations.get(address) ?? { ignoreBlanks: true };
        (dv as unknown as Record<string, unknown>)[part] = v;
        s.validations.set(address, dv);
      },
    });
  const dv: Record<string, unknown> = {};
  for (const part of ["rule", "prompt", "errorAlert", "ignoreBlanks"] as const)
    Object.defineProperty(dv, part, { set: (v: unknown) => set(part, v), enumerable: true });
  return dv;
}
