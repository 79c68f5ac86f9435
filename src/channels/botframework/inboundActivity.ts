import type { Activity } from 'botbuilder'
import * as z from 'zod'

const Id = z.string().min(1).max(512)

/**
 * The Activity fields Helpfinder reads or the SDK needs to reply. Everything else passes through
 * untouched for the SDK (never read here): `from`, names and `channelData` are not looked at.
 */
export const InboundActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: Id.optional(),
  channelId: Id,
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  conversation: z.looseObject({ id: Id }),
  recipient: z.looseObject({ id: z.string().max(512) }).optional(),
  deliveryMode: z.string().max(64).optional(),
  locale: z.string().max(64).optional(),
  text: z.string().optional(),
  value: z.unknown().optional(),
  membersAdded: z
    .array(z.looseObject({ id: z.string().max(512) }))
    .max(64)
    .optional(),
})
export type InboundActivity = z.infer<typeof InboundActivitySchema>

/**
 * Parses a request body as an activity, or undefined when it is not one.
 * @example inboundActivity(await request.json())?.type // 'message'
 */
export function inboundActivity(body: unknown): Activity | undefined {
  // The SDK's `Activity` type lists many fields channels often omit; the SDK reads them defensively,
  // so the checked shape stands in for it (as `CloudAdapter.process` does with its own record check).
  const ActivityShape = z.custom<Activity>((value) => InboundActivitySchema.safeParse(value).success)
  const parsed = ActivityShape.safeParse(body)
  return parsed.success ? parsed.data : undefined
}
