import helpSeeker from '../../flows/help-seeker.json'
import { FlowSchema, type Flow } from '../core/flow/flowSchema'

/** The help-seeker dialogue from `flows/`, validated at load so a broken edit fails fast. */
export function loadFlow(): Flow {
  return FlowSchema.parse(helpSeeker)
}
