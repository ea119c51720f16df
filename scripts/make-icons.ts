/**
 * Writes the add-in's icons, assets/icon-{16,32,64,80,128}.png: a rounded square in a calm blue with a
 * white check mark. Pure Node (zlib for the IDAT stream), antialiased by 8×8 supersampling, RGBA.
 * Deterministic: the committed PNGs are exactly what this script writes (test/manifest/icons.test.ts).
 *
 *   npx tsx scripts/make-icons.ts
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x2b, 0x6c, 0xb0]; // calm blue; the white check mark on it has a contrast ratio of 5.4:1
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 8;

/** Coverage in [0,1] of the glyph at unit coordinates (x, y), y downwards: 0 outside, 1 square, 2 mark. */
function shapeAt(x: number, y: number): 0 | 1 | 2 {
  // rounded square filling the canvas, corner radius 22 %
  const r = 0.22;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  // check mark: two strokes with round caps
  const half = 0.065;
  const pts: [number, number][] = [
    [0.26, 0.53],
    [0.43, 0.7],
    [0.75, 0.33],
  ];
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = pts[i];
    const [bx, by] = pts[i + 1];
    const t = Math.max(
      0,
      Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    );
    const dx = x - (ax + t * (bx - ax));
    const dy = y - (ay + t * (by - ay));
    if (dx * dx + dy * dy <= half * half) return 2;
  }
  return 1;
}

/** RGBA pixels, row-major. */
export function renderIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let square = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const s = shapeAt((pxi + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (s >= 1) square++;
          if (s === 2) mark++;
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = square / n;
      const markShare = square ? mark / square : 0;
      const o = (py * size + pxi) * 4;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * markShare);
      px[o + 3] = Math.round(alpha * 255);
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file (8-bit RGBA, no interlace, filter 0 on every row) of the icon at `size`×`size`. */
export function iconPng(size: number): Buffer {
  const rgba = renderIcon(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

export function iconPath(size: number, root = path.resolve(__dirname, "..")): string {
  return path.join(root, "assets", `icon-${size}.png`);
}

if (require.main === module) {
  for (const size of ICON_SIZES) {
    const file = iconPath(size);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, iconPng(size));
    console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}  ${fs.statSync(file).size} bytes`);
  }
}
