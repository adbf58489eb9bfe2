// Connects the official Web Chat to this host's Direct Line endpoint.
(async function () {
  'use strict';

  // The page's own words in its language, written into the page by the host.
  const pageWords = JSON.parse(document.getElementById('page-words')?.textContent || '{}');
  const pageWord = key => pageWords[key] || key;
  // The label on every bot message (site.css) in the page's language; a CSS string, so quoted and escaped.
  document.documentElement.style.setProperty('--ai-label', JSON.stringify(pageWord('page-ai-generated')));

  const webchatElement = document.getElementById('webchat');
  const errorBox = document.getElementById('chat-error');
  const showError = message => {
    errorBox.textContent = message;
    errorBox.hidden = false;
  };

  // Web Chat would keep a chosen file in the send box and send it with whatever the visitor types next. Instead the
  // file waits in this panel, with its name and size, until the visitor sends it on its own or removes it.
  const attachment = {
    panel: document.getElementById('attachment'),
    name: document.getElementById('attachment-name'),
    size: document.getElementById('attachment-size'),
    send: document.getElementById('attachment-send'),
    remove: document.getElementById('attachment-remove'),
    files: []
  };

  const formatSize = bytes =>
    bytes < 1024 ? bytes + ' bytes' : bytes < 1024 * 1024 ? (bytes / 1024).toFixed(1) + ' KB' : (bytes / 1024 / 1024).toFixed(1) + ' MB';

  const sendBoxInput = () => webchatElement.querySelector('[data-id="webchat-sendbox-input"]');
  const focusSendBox = () => {
    const input = sendBoxInput();
    input?.focus({ preventScroll: true });
    return !!input;
  };

  const showAttachment = files => {
    attachment.files = files;
    const [first] = files;
    attachment.name.textContent = files.length === 1 ? first.blob.name : pageWord('page-files').replace('{count}', String(files.length));
    attachment.size.textContent = '(' + formatSize(files.reduce((total, file) => total + file.blob.size, 0)) + ')';
    attachment.panel.hidden = false;
    attachment.send.focus();
  };

  const clearAttachment = () => {
    attachment.files = [];
    attachment.panel.hidden = true;
    attachment.name.textContent = '';
    attachment.size.textContent = '';
    focusSendBox();
  };

  const holdChosenFiles = () => next => action => {
    if (action.type === 'WEB_CHAT/SET_SEND_BOX_ATTACHMENTS' && action.payload.attachments.length) {
      showAttachment([...action.payload.attachments]);
      return next({ ...action, payload: { attachments: Object.freeze([]) } });
    }
    return next(action);
  };

  try {
    const response = await fetch('/api/webchat/token', { method: 'POST' });
    if (!response.ok) {
      throw new Error('token request failed with status ' + response.status);
    }
    const { token } = await response.json();

    const locale = navigator.language || 'en-GB';
    const directLine = window.WebChat.createDirectLine({
      token,
      domain: window.location.origin + '/v3/directline',
      // The welcome is written in the browser's language when the bot speaks it.
      conversationStartProperties: { locale }
    });
    const store = window.WebChat.createStore({}, holdChosenFiles);

    attachment.send.addEventListener('click', () => {
      const files = attachment.files;
      if (files.length) {
        store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { attachments: files, method: 'keyboard', text: '' } });
      }
      clearAttachment();
    });
    attachment.remove.addEventListener('click', clearAttachment);

    window.WebChat.renderWebChat(
      {
        directLine,
        store,
        locale,
        styleOptions: {
          accent: '#0b4f6c',
          botAvatarInitials: 'AI',
          userAvatarInitials: pageWord('page-you'),
          bubbleBorderRadius: 8,
          bubbleFromUserBackground: '#e8f6fc',
          bubbleFromUserBorderRadius: 8,
          // Every message keeps its own status line, so an answer's rating buttons (and the choice made) stay
          // visible when the bot replies to the rating.
          groupTimestamp: 0,
          suggestedActionLayout: 'flow',
          hideUploadButton: false,
          sendBoxTextWrap: true
        }
      },
      webchatElement
    );

    // Focus the message box (not Web Chat's hidden file input) without scrolling the page away from its top.
    if (!focusSendBox()) {
      const observer = new MutationObserver(() => {
        if (sendBoxInput()) {
          observer.disconnect();
          focusSendBox();
        }
      });
      observer.observe(webchatElement, { childList: true, subtree: true });
    }
  } catch (error) {
    showError(pageWord('page-chat-failed').replace('{reason}', error.message));
  }
})();
