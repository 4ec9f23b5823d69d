export { ChannelRegistry, DeliveryError, type MessageChannel, type TOutgoingMessage } from "./channels";
export {
  deliverMessage,
  MAX_DELIVERY_ATTEMPTS,
  MESSAGE_FAILED,
  MESSAGE_SENT,
  type TDeliveryOutcome,
} from "./deliver-message";
export { emailChannel, messageIdFor, type TEmailChannelOptions } from "./email-channel";
export { listMessages, ZListMessagesInput } from "./list-messages";
export { moveMessagesOfPerson, returnMessages } from "./move-messages";
export { anonymiseMessagesOfPerson, exportMessagesOfPerson } from "./person-data";
export { templateProblem } from "./render-message";
export {
  MESSAGE_CHANNELS,
  MESSAGE_PURPOSES,
  MESSAGE_STATUSES,
  SUPPRESSED_REASONS,
  type TMessageChannel,
} from "./schema";
export {
  MESSAGE_QUEUED,
  MESSAGE_SUPPRESSED,
  sendMessage,
  type TMessageContent,
  type TRecipient,
  type TSendMessageInput,
  ZMessageContent,
  ZRecipient,
  ZSendMessageInput,
} from "./send-message";
export { stalledMessages } from "./stalled-messages";
export { messagesTimelineSource } from "./timeline-source";
export { type TMessage, ZMessage } from "./view";
