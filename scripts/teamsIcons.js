// Draws the two icons of the Teams app: a white speech bubble on the chat widget's blue (color.png,
// 192×192) and the same bubble as a white line drawing on transparent (outline.png, 32×32).
// The PNGs are committed in teams/, so packaging never needs this script; run it again only after
// changing a shape or colour here:  node scripts/teamsIcons.js   (--check only compares)
// Shapes are signed-distance functions sampled on a fixed sub-pixel grid: the same code always gives
// the same pixels, and edges are smooth without any image library beyond the PNG encoder.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { PNG } = require('pngjs');

/** The web chat's accent blue (web/chat.css), so the app looks the same in Teams and on the site. */
const BRAND_BLUE = Object.freeze([0x1d, 0x70, 0xb8, 0xff]);
const WHITE = Object.freeze([0xff, 0xff, 0xff, 0xff]);
const CLEAR_WHITE = Object.freeze([0xff, 0xff, 0xff, 0]);
/** Each pixel is judged at SAMPLES × SAMPLES points; the share inside a shape sets its colour. */
const SAMPLES = 4;

const TEAMS_DIR = join(__dirname, '..', 'teams');
const ICON_FILES = Object.freeze({ color: 'color.png', outline: 'outline.png' });

// ---- shapes: negative inside, positive outside, in pixels ----------------------------------------

function roundedRect(x, y, box) {
  const halfWidth = (box.right - box.left) / 2 - box.radius;
  const halfHeight = (box.bottom - box.top) / 2 - box.radius;
  const qx = Math.abs(x - (box.left + box.right) / 2) - halfWidth;
  const qy = Math.abs(y - (box.top + box.bottom) / 2) - halfHeight;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - box.radius;
}

function circle(x, y, dot) {
  return Math.hypot(x - dot.x, y - dot.y) - dot.radius;
}

/** Distance to the nearest edge of a polygon, negative when (x, y) is inside it (even-odd rule). */
function polygon(x, y, points) {
  let nearest = Infinity;
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [ax, ay] = points[j];
    const [bx, by] = points[i];
    const ex = bx - ax;
    const ey = by - ay;
    const along = Math.min(Math.max(((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey), 0), 1);
    nearest = Math.min(nearest, Math.hypot(x - (ax + ex * along), y - (ay + ey * along)));
    if (ay > y !== by > y && x < ax + ((y - ay) * ex) / ey) inside = !inside;
  }
  return inside ? -nearest : nearest;
}

/**
 * A speech bubble: a rounded body with a tail at its lower left. The tail reaches well up into the
 * body so that, when the outline icon strokes the inside edge, no line is drawn across the tail's mouth.
 */
function bubble(geometry) {
  return (x, y) => Math.min(roundedRect(x, y, geometry.body), polygon(x, y, geometry.tail));
}

function dots(geometry) {
  return (x, y) => {
    let nearest = Infinity;
    for (const dot of geometry.dots) nearest = Math.min(nearest, circle(x, y, dot));
    return nearest;
  };
}

// ---- drawing --------------------------------------------------------------------------------------

/**
 * Renders `size`×`size` RGBA pixels; `colourAt(x, y)` gives [r, g, b, a] at one sample point.
 * Outline samples are white even where see-through, so a partly covered edge never turns grey.
 */
function render(size, colourAt) {
  const data = Buffer.alloc(size * size * 4);
  const perPixel = SAMPLES * SAMPLES;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const rgba = colourAt(col + (sx + 0.5) / SAMPLES, row + (sy + 0.5) / SAMPLES);
          for (let c = 0; c < 4; c++) sum[c] += rgba[c];
        }
      }
      const offset = (row * size + col) * 4;
      for (let c = 0; c < 4; c++) data[offset + c] = Math.round(sum[c] / perPixel);
    }
  }
  return { width: size, height: size, data };
}

/** 192×192: Teams shows it on the app's tile and in the store, and rounds the corners itself. */
const COLOUR_GEOMETRY = {
  body: { left: 44, top: 50, right: 148, bottom: 120, radius: 22 },
  tail: [
    [62, 100],
    [96, 100],
    [54, 146],
  ],
  dots: [
    { x: 70, y: 85, radius: 9 },
    { x: 96, y: 85, radius: 9 },
    { x: 122, y: 85, radius: 9 },
  ],
};

function renderColorIcon() {
  const inBubble = bubble(COLOUR_GEOMETRY);
  const inDot = dots(COLOUR_GEOMETRY);
  return render(192, (x, y) => {
    const white = inBubble(x, y) <= 0 && inDot(x, y) > 0;
    return white ? WHITE : BRAND_BLUE;
  });
}

/** 32×32: Teams tints it in the app bar, so it may hold only white and transparency. */
const OUTLINE_GEOMETRY = {
  body: { left: 3.5, top: 5, right: 28.5, bottom: 23, radius: 5.5 },
  tail: [
    [8, 17],
    [15, 17],
    [6.5, 28.5],
  ],
  dots: [
    { x: 10.5, y: 14, radius: 1.75 },
    { x: 16, y: 14, radius: 1.75 },
    { x: 21.5, y: 14, radius: 1.75 },
  ],
  stroke: 2,
};

function renderOutlineIcon() {
  const edge = bubble(OUTLINE_GEOMETRY);
  const inDot = dots(OUTLINE_GEOMETRY);
  return render(32, (x, y) => {
    const distance = edge(x, y);
    const onLine = distance <= 0 && distance > -OUTLINE_GEOMETRY.stroke;
    return onLine || inDot(x, y) <= 0 ? WHITE : CLEAR_WHITE;
  });
}

function toPng(image) {
  const png = new PNG({ width: image.width, height: image.height });
  image.data.copy(png.data);
  return PNG.sync.write(png);
}

function drawIcons() {
  return { color: renderColorIcon(), outline: renderOutlineIcon() };
}

function writeIcons() {
  for (const [kind, image] of Object.entries(drawIcons())) {
    writeFileSync(join(TEAMS_DIR, ICON_FILES[kind]), toPng(image));
    console.log(`teams/${ICON_FILES[kind]}: ${image.width}×${image.height}`);
  }
  return 0;
}

/** `--check`: are the committed icons what this script draws now? Compares pixels, not PNG bytes. */
function checkIcons() {
  const stale = [];
  for (const [kind, image] of Object.entries(drawIcons())) {
    const file = join(TEAMS_DIR, ICON_FILES[kind]);
    let committed;
    try {
      committed = PNG.sync.read(readFileSync(file));
    } catch {
      committed = undefined;
    }
    const same = committed && committed.width === image.width && committed.height === image.height && committed.data.equals(image.data);
    if (!same) stale.push(`teams/${ICON_FILES[kind]}`);
  }
  if (stale.length === 0) {
    console.log('The icons in teams/ match this script.');
    return 0;
  }
  console.error(`${stale.join(' and ')} ${stale.length > 1 ? 'differ' : 'differs'} from what this script draws. Run: node scripts/teamsIcons.js`);
  return 1;
}

if (require.main === module) process.exitCode = process.argv.includes('--check') ? checkIcons() : writeIcons();

module.exports = { ICON_FILES, renderColorIcon, renderOutlineIcon };
