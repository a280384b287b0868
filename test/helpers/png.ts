// Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are) into pixels.
import { inflateSync } from "node:zlib";

/** Width, height and RGBA pixels (4 bytes each). */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes `png`; throws on a colour type or bit depth it does not handle. */
export function decodePng(png: Buffer): Pixels {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let off = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString("latin1", off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, color, interlace] = [data[8], data[9], data[12]];
      if (depth !== 8 || interlace !== 0 || (color !== 2 && color !== 6)) throw new Error(`unsupported PNG: depth ${depth}, colour ${color}, interlace ${interlace}`);
      channels = color === 6 ? 4 : 3;
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const v = raw[src + x]!;
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: out };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < out.length; i += 3, j += 4) {
    rgba[j] = out[i]!;
    rgba[j + 1] = out[i + 1]!;
    rgba[j + 2] = out[i + 2]!;
    rgba[j + 3] = 255;
  }
  return { width, height, rgba };
}

/** The share of pixels unlike the top-left one (the page background) and how many distinct colours there are. */
export function inkStats(p: Pixels): { ink: number; colours: number } {
  const [r, g, b] = [p.rgba[0]!, p.rgba[1]!, p.rgba[2]!];
  let ink = 0;
  const colours = new Set<number>();
  for (let i = 0; i < p.rgba.length; i += 4) {
    const [pr, pg, pb] = [p.rgba[i]!, p.rgba[i + 1]!, p.rgba[i + 2]!];
    if (pr !== r || pg !== g || pb !== b) ink++;
    colours.add((pr << 16) | (pg << 8) | pb);
  }
  return { ink: ink / (p.width * p.height), colours: colours.size };
}

/** The mean brightness (0-255) of the pixels. */
export function brightness(p: Pixels): number {
  let sum = 0;
  for (let i = 0; i < p.rgba.length; i += 4) sum += (p.rgba[i]! + p.rgba[i + 1]! + p.rgba[i + 2]!) / 3;
  return sum / (p.width * p.height);
}
