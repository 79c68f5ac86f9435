/*
 * Helpfinder for Microsoft Web Chat: a store that lets typed answers reach the question they answer.
 *
 * Helpfinder keeps no conversation on its server. Each question it sends carries the sealed state
 * of the conversation in its `value`, and every button sends that value back. Web Chat sends typed
 * text without a value, so Helpfinder would read a typed country name as the start of a new
 * conversation. This store remembers the value of the bot's latest message and adds it to what the
 * person types; it keeps nothing else and nothing outlives the page.
 *
 * Use: window.WebChat.renderWebChat({ directLine, store: helpfinderStore(window.WebChat) }, element)
 */
function helpfinderStore(WebChat, initialState) {
  var questionValue;
  return WebChat.createStore(initialState || {}, function () {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
          var incoming = action.payload.activity;
          // Only the bot's latest message counts: after the results it has no value, so typing starts afresh.
          if (incoming.type === 'message' && incoming.from && incoming.from.role === 'bot') {
            questionValue = incoming.value && incoming.value.hf === 1 ? incoming.value : undefined;
          }
        } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && questionValue) {
          var outgoing = action.payload.activity;
          if (outgoing.type === 'message' && outgoing.value === undefined && outgoing.text) {
            var withValue = Object.assign({}, outgoing, { value: questionValue });
            action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: withValue }) });
          }
        }
        return next(action);
      };
    };
  });
}
