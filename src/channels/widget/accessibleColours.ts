/**
 * A partner's brand colour made safe to use: as a button background with its text, and as link and
 * border colour on the panel's light background, it must reach WCAG 2.2 AA (4.5:1). A colour that
 * does not is darkened step by step until it does; `adjusted` says so, so the loader can tell the
 * partner in the console. No dependencies: the loader in the host page uses this too.
 * @example accessibleColours('#ffcc00') // { accent: '#7a6200', onAccent: '#ffffff', adjusted: true }
 */
export function accessibleColours(
  hex: string | undefined,
  fallback = DEFAULT_ACCENT,
): { accent: string; onAccent: string; adjusted: boolean } {
  const parsed = hex && HEX.test(hex) ? toRgb(hex) : undefined
  let rgb = parsed ?? toRgb(fallback)
  let adjusted = false
  for (let step = 0; step < 40 && contrast(rgb, WHITE) < AA; step++) {
    rgb = rgb.map((channel) => Math.floor(channel * 0.92)) as Rgb
    adjusted = true
  }
  return { accent: toHex(rgb), onAccent: '#ffffff', adjusted: adjusted && parsed !== undefined }
}

type Rgb = [number, number, number]

const DEFAULT_ACCENT = '#1f5f8b'
const HEX = /^#[0-9a-fA-F]{6}$/
const AA = 4.5
/** The panel's background (--bg #fbfaf7) is a shade darker than white: measure against it to be safe. */
const WHITE: Rgb = [251, 250, 247]

function toRgb(hex: string): Rgb {
  return [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)) as Rgb
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as Rgb
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG 2.x contrast ratio. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}
