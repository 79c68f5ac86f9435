import type { Attachment } from 'botbuilder'
import type { Translate } from '../../i18n/translate'
import type { OptionView, TurnView } from '../shared/buildTurnView'
import { adaptiveCardAttachment, type AdaptiveElement, type AdaptiveSubmit } from './adaptiveCardAttachment'
import { botValue, type BotValue, type Prefill } from './botValue'
import { navigationActions } from './navigationActions'
import { plainTextBlock } from './plainTextBlock'

/**
 * The question as one Adaptive Card (1.5), answerable by what stock clients send back with no code
 * of ours on them. The protocol, for card channels (CARD_CHANNELS: msteams, webchat, directline,
 * emulator; every other channel keeps suggested actions):
 * - Each question is ONE message with one attachment `application/vnd.microsoft.card.adaptive`,
 *   `$schema` http://adaptivecards.io/schemas/adaptive-card.json, version '1.5', `rtl` true for
 *   right-to-left interface languages. The message also carries the question's BotValue in its own
 *   `value` (for Web Chat pages that use docs/webchat/helpfinderStore.js); stock clients ignore it.
 * - Every `Action.Submit`'s `data` is a BotValue `{ hf: 1, state, action, reply?, urgentReason?,
 *   urgentCountry?, prefill? }`. Teams and Web Chat send it back as a message whose `value` is that
 *   data merged with the card's inputs (by input id), usually with no text.
 * - choice: one tappable box per option (a Container whose `selectAction` is an `Action.Submit`
 *   titled with the option's label, `data.reply: [optionId]`), its words in a wrapping TextBlock:
 *   answer buttons cut long labels off ("Nothing has happened an…") in Teams and Web Chat, and a
 *   person must read the whole answer before choosing it. The preselected one (after "Back") is
 *   the 'accent' box.
 * - country and language: an `Input.ChoiceSet` with id `reply` listing every option, the most
 *   likely first (preselected, then the one the activity's locale names: its region for countries,
 *   the interface language for languages), `style` 'filtered' on msteams (type to search) and
 *   'compact' elsewhere, required with a localised error; then one `Action.Submit` "Continue"
 *   whose data has no `reply`, so the merged value holds `reply: "DE"` (a string).
 * - multi (contact channels): an `Input.ChoiceSet` id `reply`, `isMultiSelect`, `style` 'expanded',
 *   then "Continue": the merged value holds `reply: "phone,chat"`. BotValueSchema splits the string.
 * - Navigation on every card: "Back" (where possible), "Urgent help", "Start again" as
 *   `Action.Submit` with action 'back' | 'urgent' | 'restart' and `associatedInputs: 'none'`, so they
 *   work with a required list left empty. The urgent card and the results' last card carry them too.
 * - TextBlock words are escaped for markdown (Teams and Web Chat render it). Input labels, error
 *   messages, choices and button titles are plain locale or Intl words with no markup: native Teams
 *   renderers show some of them as they are, where escapes would be visible.
 * - No question takes free text today; one that did would get an `Input.Text` with id `reply`.
 * @example questionCard(view, t, undefined, 'msteams').content.body[0].text // 'Who are you looking for help for?'
 */
export function questionCard(view: TurnView, t: Translate, prefill: Prefill | undefined, channelId: string): Attachment {
  const step = view.step
  const answer = (reply: string[]): BotValue => botValue(view.state, 'answer', reply, prefill)
  const body: AdaptiveElement[] = [
    ...(view.error ? [plainTextBlock(view.error, { weight: 'Bolder', color: 'Attention' })] : []),
    plainTextBlock(step.prompt, { style: 'heading' }),
    // A list of checkboxes takes the hint as its label ("Choose all that you could use"). The country
    // hint ("… or type the name …") is left out: typed into the chat box, a name arrives without the
    // state and starts the conversation again; in the list (Teams' filtered style) typing searches.
    ...(step.hint && step.parser === 'choice' ? [plainTextBlock(step.hint, { isSubtle: true })] : []),
  ]
  // The answer comes from the list; "Continue" sends it (its data has no reply of its own to override it).
  const { reply: _fromList, ...continueData } = answer([])
  const submitList: AdaptiveElement = {
    type: 'ActionSet',
    actions: [{ type: 'Action.Submit', title: t('nav.continue'), data: continueData, style: 'positive' }],
  }
  const choices = (options: readonly OptionView[]) => options.map((option) => ({ title: option.label, value: option.id }))
  const preselected = step.options.filter((option) => option.selected).map((option) => option.id)
  const listed = {
    type: 'Input.ChoiceSet',
    id: 'reply',
    isRequired: true,
    ...(preselected.length > 0 ? { value: preselected.join(',') } : {}),
  }
  if (step.parser === 'choice') {
    body.push(...step.options.map((option) => optionBox(option, answer([option.id]))))
  } else if (step.parser === 'multi') {
    body.push(
      {
        ...listed,
        isMultiSelect: true,
        style: 'expanded',
        label: step.hint ?? step.prompt,
        choices: choices(step.options),
        errorMessage: t('error.choose_some'),
      },
      submitList,
    )
  } else if (step.parser === 'country' || step.parser === 'language') {
    const likely = step.parser === 'country' ? view.urgent.country : view.ui
    const label = t(step.parser === 'country' ? 'flow.country.choose' : 'flow.language.choose')
    const style = channelId === 'msteams' ? 'filtered' : 'compact'
    // A name not understood: its "did you mean" suggestions first, each one tap, then the whole list.
    if (step.suggestions.length > 0) {
      body.push(
        plainTextBlock(t('error.did_you_mean')),
        ...step.suggestions.map((suggestion) => optionBox({ ...suggestion, selected: false }, answer([suggestion.id]))),
      )
    }
    body.push(
      {
        ...listed,
        style,
        label,
        placeholder: label,
        choices: choices(likelyFirst(step.options, likely)),
        errorMessage: t('error.choose_one'),
      },
      submitList,
    )
  }
  return adaptiveCardAttachment(body, navigationActions(view, t, prefill), view.dir)
}

/** One answer as a box the person taps: the whole label shown (wrapped), the same words as the action's title for screen readers. */
function optionBox(option: OptionView, data: BotValue): AdaptiveElement {
  const select: AdaptiveSubmit = { type: 'Action.Submit', title: option.label, data }
  return {
    type: 'Container',
    style: option.selected ? 'accent' : 'emphasis',
    spacing: 'Small',
    selectAction: select,
    items: [plainTextBlock(option.label, { weight: 'Bolder', color: 'Accent' })],
  }
}

/** Preselected options first, then the likely one, then the rest in their (alphabetical) order. */
function likelyFirst(options: readonly OptionView[], likely: string | undefined): OptionView[] {
  const rank = (option: OptionView) => (option.selected ? 0 : option.id === likely ? 1 : 2)
  return [...options].sort((a, b) => rank(a) - rank(b))
}
