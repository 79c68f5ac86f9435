import type { MaskedFigure } from '../../core/figures/maskSmall'
import { figureText } from '../../curation/figureText'

/**
 * A table cell with one masked figure: the number, or "fewer than 10" / "withheld" in the muted hint style.
 * @example <FigureCell figure={partner.steps.started} />
 */
export function FigureCell(props: { figure: MaskedFigure }) {
  const text = figureText(props.figure)
  return <td class="num">{'count' in props.figure ? text : <span class="hint">{text}</span>}</td>
}
