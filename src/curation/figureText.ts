import { type MaskedFigure, SMALL_FIGURE } from '../core/figures/maskSmall'

/**
 * A masked figure as every face of the figures writes it (page, CSV, summary): the count with
 * thousands separated, "fewer than 10" or "withheld". The only way a figure becomes text, so a
 * count under 10 that slipped past masking still reads "fewer than 10".
 * @example figureText({ count: 1234 }) // '1,234'; figureText({ fewerThan: 10 }) // 'fewer than 10'
 */
export function figureText(figure: MaskedFigure): string {
  if ('withheld' in figure) return 'withheld'
  if ('count' in figure && figure.count >= SMALL_FIGURE) return figure.count.toLocaleString('en')
  return `fewer than ${SMALL_FIGURE}`
}
