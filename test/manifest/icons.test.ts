import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { crc32, iconPath, iconPng, ICON_SIZES } from "../../scripts/make-icons";

const ROOT = path.resolve(__dirname, "../..");

/** Decodes our PNG layout (RGBA 8-bit, filter 0) and verifies every chunk's CRC. */
function decode(buf: Buffer): { width: number; height: number; rgba: Buffer } {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let off = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString("ascii", off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    expect(buf.readUInt32BE(off + 8 + len)).toBe(crc32(buf.subarray(off + 4, off + 8 + len)));
    types.push(type);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === "IDAT") idat.push(data);
    off += 12 + len;
  }
  expect(types[0]).toBe("IHDR");
  expect(types[types.length - 1]).toBe("IEND");
  const raw = zlib.inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(height * (width * 4 + 1));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

describe("icons (scripts/make-icons.ts)", () => {
  test.each(ICON_SIZES)(
    "assets/icon-%i.png is a valid PNG of that size, identical to what the script writes",
    (size) => {
      const file = iconPath(size, ROOT);
      const onDisk = fs.readFileSync(file);
      expect(onDisk.equals(iconPng(size))).toBe(true);
      const { width, height, rgba } = decode(onDisk);
      expect([width, height]).toEqual([size, size]);
      const px = (x: number, y: number) => [...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
      expect(px(0, 0)[3]).toBeLessThan(128); // rounded corner: (nearly) transparent
      expect(px(Math.floor(size * 0.15), Math.floor(size / 2))).toEqual([0x2b, 0x6c, 0xb0, 255]); // blue body
      const mark = px(Math.floor(size * 0.43), Math.floor(size * 0.69)); // on the check mark's stroke
      expect(mark[3]).toBe(255);
      for (const c of mark.slice(0, 3)) expect(c).toBeGreaterThanOrEqual(240);
    },
  );

  test("every icon the manifest references is among the generated sizes", () => {
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const used = [...manifest.matchAll(/assets\/icon-(\d+)\.png/g)].map((m) => Number(m[1]));
    expect(new Set(used)).toEqual(new Set([16, 32, 64, 80]));
    for (const s of used) expect(ICON_SIZES).toContain(s);
  });
});
