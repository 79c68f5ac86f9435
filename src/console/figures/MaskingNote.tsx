/**
 * The line under every table of figures: what its hidden cells mean, linked to the page's explanation.
 * @example <MaskingNote />
 */
export function MaskingNote() {
  return (
    <p class="hint">
      Figures under 10 read "fewer than 10"; a figure of 10 or more hidden beside one reads "withheld".{' '}
      <a href="#masking">What these mean</a>
    </p>
  )
}
