// Reads the QR codes a PDF shows, as a phone's camera would read them printed: the PDF's raster
// images (8-bit DeviceRGB or DeviceGray, Flate-compressed, as pdfkit embeds a PNG; an image used
// as another's transparency mask is skipped), each written as a PNG (pngjs, to look at) and
// decoded by jsQR from its pixels. Tests only.
import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export interface PdfImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  rgba: Uint8ClampedArray;
  /** The image as a PNG file. */
  png: Buffer;
}

function dictValue(dict: string, key: string): string | null {
  return new RegExp(`/${key}\\s+(\\[[^\\]]*\\]|/?[^\\s/>]+(?:\\s+\\d+\\s+R)?)`).exec(dict)?.[1] ?? null;
}

/** The raster images of a PDF whose objects are written uncompressed (pdfkit's), in document order. */
export function pdfImages(pdf: Buffer): PdfImage[] {
  const text = pdf.toString('latin1');
  // Each object's own dictionary: it may not run into the next object (`endobj`).
  const objects = [...text.matchAll(/(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g)];
  const masks = new Set([...text.matchAll(/\/SMask (\d+) 0 R/g)].map((m) => m[1]!));
  const images: PdfImage[] = [];
  for (const m of objects) {
    const [, num, dict] = m as unknown as [string, string, string];
    if (!/\/Subtype\s*\/Image/.test(dict) || masks.has(num)) continue;
    const width = Number(dictValue(dict, 'Width'));
    const height = Number(dictValue(dict, 'Height'));
    const length = Number(dictValue(dict, 'Length'));
    const space = dictValue(dict, 'ColorSpace');
    if (dictValue(dict, 'BitsPerComponent') !== '8' || dictValue(dict, 'Filter') !== '/FlateDecode' || dictValue(dict, 'DecodeParms')) {
      throw new Error(`image object ${num}: only 8-bit Flate images without predictor are read (${dict.replace(/\s+/g, ' ')})`);
    }
    const channels = space === '/DeviceRGB' ? 3 : space === '/DeviceGray' ? 1 : 0;
    if (!channels || !Number.isInteger(length)) throw new Error(`image object ${num}: colour space ${space}, length ${length}`);
    const start = m.index! + m[0].length;
    const raw = inflateSync(pdf.subarray(start, start + length));
    if (raw.length !== width * height * channels) throw new Error(`image object ${num}: ${raw.length} bytes for ${width}x${height}x${channels}`);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = raw[i * channels + (channels === 3 ? c : 0)]!;
      rgba[i * 4 + 3] = 255;
    }
    const png = new PNG({ width, height });
    png.data = Buffer.from(rgba.buffer);
    images.push({ width, height, rgba, png: PNG.sync.write(png) });
  }
  return images;
}

/** What a QR code in this PNG says (read back from the PNG file's pixels), or null when there is none. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
}
