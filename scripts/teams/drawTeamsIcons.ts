import { encodePng } from './encodePng'

/** Helpfinder's accent (the web pages' --accent), also the manifest's accentColor. */
export const ACCENT = { hex: '#1F5F8B', rgb: [0x1f, 0x5f, 0x8b] } as const

/** A speech bubble with three dots, in units of the icon's side; neutral on purpose, as in the app name. */
interface Bubble {
  body: { left: number; top: number; right: number; bottom: number; radius: number }
  tail: readonly [readonly [number, number], readonly [number, number], readonly [number, number]]
  dots: { y: number; xs: readonly number[]; radius: number }
}

// Teams shows the colour icon's symbol inside a margin; the 32-pixel outline icon uses most of its square.
const COLOR_BUBBLE: Bubble = {
  body: { left: 0.2, top: 0.24, right: 0.8, bottom: 0.66, radius: 0.12 },
  tail: [
    [0.28, 0.6],
    [0.46, 0.62],
    [0.25, 0.8],
  ],
  dots: { y: 0.45, xs: [0.36, 0.5, 0.64], radius: 0.045 },
}
const OUTLINE_BUBBLE: Bubble = {
  body: { left: 0.06, top: 0.1, right: 0.94, bottom: 0.72, radius: 0.2 },
  tail: [
    [0.16, 0.62],
    [0.42, 0.66],
    [0.1, 0.94],
  ],
  dots: { y: 0.41, xs: [0.28, 0.5, 0.72], radius: 0.075 },
}

/** Samples per pixel side, for smooth edges. */
const SUPERSAMPLE = 4

/**
 * The Teams app icons as PNG bytes: `color` (192×192, a white bubble on the accent colour) and
 * `outline` (32×32, white on transparent, as Teams requires).
 * @example const { color, outline } = drawTeamsIcons()
 */
export function drawTeamsIcons(): { color: Uint8Array; outline: Uint8Array } {
  const [r, g, b] = ACCENT.rgb
  const color = render(192, COLOR_BUBBLE, (cover) => [mix(r, 255, cover), mix(g, 255, cover), mix(b, 255, cover), 255])
  const outline = render(32, OUTLINE_BUBBLE, (cover) => [255, 255, 255, Math.round(cover * 255)])
  return { color: encodePng(192, 192, color), outline: encodePng(32, 32, outline) }
}

function render(size: number, bubble: Bubble, paint: (cover: number) => readonly [number, number, number, number]): Uint8Array {
  const rgba = new Uint8Array(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (inBubble(bubble, (x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size)) inside++
        }
      }
      rgba.set(paint(inside / SUPERSAMPLE ** 2), (y * size + x) * 4)
    }
  }
  return rgba
}

/** The bubble's body or tail, minus the three dots. */
function inBubble(bubble: Bubble, x: number, y: number): boolean {
  const { dots } = bubble
  if (dots.xs.some((dx) => (x - dx) ** 2 + (y - dots.y) ** 2 <= dots.radius ** 2)) return false
  return inRoundedRect(bubble.body, x, y) || inTriangle(bubble.tail, x, y)
}

function inRoundedRect(box: Bubble['body'], x: number, y: number): boolean {
  if (x < box.left || x > box.right || y < box.top || y > box.bottom) return false
  const cx = Math.min(Math.max(x, box.left + box.radius), box.right - box.radius)
  const cy = Math.min(Math.max(y, box.top + box.radius), box.bottom - box.radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= box.radius ** 2
}

function inTriangle([a, b, c]: Bubble['tail'], x: number, y: number): boolean {
  const side = (p: readonly [number, number], q: readonly [number, number]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0])
  const [d1, d2, d3] = [side(a, b), side(b, c), side(c, a)]
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
}

function mix(from: number, to: number, amount: number): number {
  return Math.round(from + (to - from) * amount)
}
