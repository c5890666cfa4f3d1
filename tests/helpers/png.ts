import crypto from 'node:crypto';
import zlib from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A real PNG of random RGB pixels (it does not compress, so width × height × 3 is about its size):
 * for upload tests that need a large image a browser can still draw.
 */
export function noisePng(width: number, height: number, seed = 'png'): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = width * 3 + 1;
  const raw = Buffer.alloc(row * height);
  // Deterministic noise: a SHA-256 counter stream.
  for (let at = 0, n = 0; at < raw.length; n++) {
    const block = crypto.createHash('sha256').update(`${seed}:${n}`).digest();
    at += block.copy(raw, at);
  }
  for (let y = 0; y < height; y++) raw[y * row] = 0; // filter byte: none
  const png = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  png.push(chunk('IDAT', zlib.deflateSync(raw, { level: 1 })), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(png);
}
