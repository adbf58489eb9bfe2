#!/usr/bin/env node
// Draws the two Teams app icons and writes them as PNG files (RGBA, 8 bits per channel) next to this script:
//   color.png   192×192  teal (#0B4F6C) rounded square with a light-blue (#01BAEF) diamond
//   outline.png  32×32   white diamond outline on a transparent background
// Only Node's built-in zlib is used. Usage: node deploy/teams/make-icons.mjs [output-folder]
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32.mjs';

const TEAL = [0x0b, 0x4f, 0x6c];
const LIGHT_BLUE = [0x01, 0xba, 0xef];
const WHITE = [0xff, 0xff, 0xff];

/** Fraction (0..1) of a pixel covered by a shape, from samples × samples points inside the pixel. */
function coverage(x, y, inside, samples = 8) {
  let hits = 0;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < samples; j++) {
      if (inside(x + (i + 0.5) / samples, y + (j + 0.5) / samples)) hits++;
    }
  }
  return hits / (samples * samples);
}

function roundedSquare(size, radius) {
  return (px, py) => {
    // Distance outside the inner rectangle [radius, size - radius]², compared with the corner radius.
    const dx = Math.max(radius - px, 0, px - (size - radius));
    const dy = Math.max(radius - py, 0, py - (size - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

/** A square turned 45°: the points whose L1 distance from the centre is at most halfDiagonal. */
function diamond(cx, cy, halfDiagonal) {
  return (px, py) => Math.abs(px - cx) + Math.abs(py - cy) <= halfDiagonal;
}

function colorIcon() {
  const size = 192;
  const tile = roundedSquare(size, 40);
  const gem = diamond(size / 2, size / 2, 62);
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const background = coverage(x, y, tile);
      const foreground = coverage(x, y, gem);
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        rgba[o + c] = Math.round(TEAL[c] * (1 - foreground) + LIGHT_BLUE[c] * foreground);
      }
      rgba[o + 3] = Math.round(255 * background);
    }
  }
  return { size, rgba };
}

function outlineIcon() {
  const size = 32;
  const outer = diamond(size / 2, size / 2, 14);
  const inner = diamond(size / 2, size / 2, 10.5);
  const ring = (px, py) => outer(px, py) && !inner(px, py);
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const o = (y * size + x) * 4;
      // Teams wants only white and transparency here: the colour stays white, the edge is smoothed by alpha alone.
      rgba[o] = WHITE[0];
      rgba[o + 1] = WHITE[1];
      rgba[o + 2] = WHITE[2];
      rgba[o + 3] = Math.round(255 * coverage(x, y, ring));
    }
  }
  return { size, rgba };
}

function chunk(type, data) {
  const typeBytes = Buffer.from(type, 'ascii');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeBytes, data));
  return Buffer.concat([length, typeBytes, data, crc]);
}

/** Encodes square RGBA pixels as a PNG: signature, IHDR, one IDAT, IEND. */
export function encodePng({ size, rgba }) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); // width
  ihdr.writeUInt32BE(size, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc(size * (stride + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type None for every scanline
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const folder = resolve(process.argv[2] ?? dirname(fileURLToPath(import.meta.url)));
  mkdirSync(folder, { recursive: true });
  for (const [name, icon] of [['color.png', colorIcon()], ['outline.png', outlineIcon()]]) {
    const png = encodePng(icon);
    writeFileSync(join(folder, name), png);
    console.log(`${name}: ${icon.size}x${icon.size}, ${png.length} bytes`);
  }
}
