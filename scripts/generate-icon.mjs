#!/usr/bin/env node
// Draws the extension icon (media/icon.png, 128x128 RGBA) without image
// libraries: shapes are sampled 4x4 per pixel for smooth edges and the PNG is
// written with zlib. Usage: node scripts/generate-icon.mjs [out.png]

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(repoRoot, 'media', 'icon.png'));

const hex = (value) => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16));

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

// Painted in order, later shapes on top: a navy tile, a mint guide line, and
// three record bars of different lengths aligned on the guide.
const layers = [
  { shape: roundedRect(4, 4, 124, 124, 24), color: (_x, y) => mix(hex('#23456f'), hex('#142a45'), y / SIZE) },
  { shape: roundedRect(28, 24, 36, 104, 4), color: () => hex('#6fd6a8') },
  { shape: roundedRect(44, 30, 100, 46, 6), color: () => hex('#ffffff') },
  { shape: roundedRect(44, 56, 86, 72, 6), color: () => hex('#d7e3f2') },
  { shape: roundedRect(44, 82, 108, 98, 6), color: () => hex('#ffffff') },
];

function mix(a, b, t) {
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
}

function pixel(px, py) {
  let rgb = [0, 0, 0];
  let alpha = 0;
  const acc = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      let sample = null;
      for (const layer of layers) if (layer.shape(x, y)) sample = layer.color(x, y);
      if (sample) {
        acc[0] += sample[0];
        acc[1] += sample[1];
        acc[2] += sample[2];
        acc[3] += 1;
      }
    }
  }
  if (acc[3] > 0) {
    rgb = [acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3]].map(Math.round);
    alpha = Math.round((255 * acc[3]) / (SAMPLES * SAMPLES));
  }
  return [...rgb, alpha];
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
  const row = y * (1 + SIZE * 4);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
process.stdout.write(`${out} (${png.length} bytes)\n`);
