/**
 * Worksheet.pageLayout of the FAKE Excel (see test/fakes/fake-excel.ts), recorded per sheet for tests
 * (FakeSheet.pageLayout).
 *
 * - Worksheet.pageLayout (ExcelApi 1.9, Excel.PageLayout reference): orientation "Portrait"/"Landscape"
 *   (Excel.PageOrientation), paperSize one of Excel.PaperType, margins in points, centerHorizontally,
 *   setPrintTitleRows (a range or an address such as "$3:$4"), headersFooters.defaultForAllPages; `zoom` only as
 *   a whole object ("use x.zoom = {...} instead of x.zoom.scale = ...", PageLayout.zoom reference), with
 *   scale 10–400 (PageLayoutZoomOptions reference); any other value fails with InvalidArgument (the code is
 *   not documented). Below 1.9 every use fails with ApiNotFound;
 */
import type { FakeContext } from "./context";
import { FakeExcelError, type FakePageLayoutState } from "./model";
import { FakeProxy } from "./proxy";
import type { FakeRange } from "./range";
import type { FakeWorksheet } from "./worksheet";

/** Excel.PaperType (ref). */
const PAPER_TYPES = new Set(
  [
    "Letter LetterSmall Tabloid Ledger Legal Statement Executive A3 A4 A4Small A5 B4 B5 Folio Quatro ",
    "Paper10x14 Paper11x17 Note Envelope9 Envelope10 Envelope11 Envelope12 Envelope14 Csheet Dsheet ",
    "Esheet EnvelopeDL EnvelopeC5 EnvelopeC3 EnvelopeC4 EnvelopeC6 EnvelopeC65 EnvelopeB4 EnvelopeB5 ",
    "EnvelopeB6 EnvelopeItaly EnvelopeMonarch EnvelopePersonal FanfoldUS FanfoldStdGerman ",
    "FanfoldLegalGerman",
  ]
    .join("")
    .split(" "),
);

/** Worksheet.pageLayout (ExcelApi 1.9): every setting queued, checked as the reference gives its values. */
export class FakePageLayout extends FakeProxy {
  private _headersFooters?: { defaultForAllPages: Record<string, string> };
  constructor(
    ctx: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx);
    // leftMargin, rightMargin, topMargin, bottomMargin, headerMargin, footerMargin: points, ≥ 0
    for (const side of ["left", "right", "top", "bottom", "header", "footer"])
      Object.defineProperty(this, `${side}Margin`, { set: (v: number) => this.margin(side, v) });
  }
  private set(what: string, apply: (l: FakePageLayoutState) => void, valid = true): void {
    this.context.enqueue({
      bytes: 60,
      minVersion: "1.9",
      exec: () => {
        const s = this.worksheet.resolve();
        this.context.touch(s);
        if (!valid) throw new FakeExcelError("InvalidArgument", `fake: pageLayout ${what} is not valid`);
        apply(s.pageLayout);
      },
    });
  }
  private margin(side: string, v: number): void {
    this.set(`${side}Margin`, (l) => void ((l.margins ??= {})[side] = v), Number.isFinite(v) && v >= 0);
  }
  set orientation(v: string) {
    this.set("orientation", (l) => void (l.orientation = v), v === "Portrait" || v === "Landscape");
  }
  set paperSize(v: string) {
    this.set("paperSize", (l) => void (l.paperSize = v), PAPER_TYPES.has(v));
  }
  /** Set only as a whole object; its fields as the reference allows them. */
  set zoom(v: FakePageLayoutState["zoom"]) {
    const pages = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
    const valid =
      !!v &&
      typeof v === "object" &&
      (v.scale === undefined || (v.scale >= 10 && v.scale <= 400)) &&
      pages(v.horizontalFitToPages) &&
      pages(v.verticalFitToPages);
    this.set("zoom", (l) => void (l.zoom = { ...v }), valid);
  }
  set centerHorizontally(v: boolean) {
    this.set("centerHorizontally", (l) => void (l.centerHorizontally = v));
  }
  /** A range, or an address of whole rows ("$3:$4", "3:4"). */
  setPrintTitleRows(rows: string | FakeRange): void {
    const m = typeof rows === "string" ? /^\$?(\d+):\$?(\d+)$/.exec(rows.trim()) : null;
    this.set("title rows", (l) => {
      let span: [number, number] | undefined;
      if (typeof rows !== "string") span = [rows.rect!.top + 1, rows.rect!.bottom + 1];
      else if (m && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2])) span = [Number(m[1]), Number(m[2])];
      if (!span) throw new FakeExcelError("InvalidArgument", `fake: title rows ${String(rows)} are not rows`);
      l.printTitleRows = `${span[0]}:${span[1]}`;
    });
  }
  /** headersFooters.defaultForAllPages: leftHeader, centerFooter… (ref HeaderFooter). */
  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    if (!this._headersFooters) {
      this.context.proxy();
      const part = (name: string) => (v: string) => this.set(name, (l) => void ((l.headersFooters ??= {})[name] = v));
      const page: Record<string, string> = {};
      for (const side of ["left", "center", "right"])
        for (const where of ["Header", "Footer"])
          Object.defineProperty(page, `${side}${where}`, { set: part(`${side}${where}`), enumerable: true });
      this._headersFooters = { defaultForAllPages: page };
    }
    return this._headersFooters;
  }
}
