// Connects the official Web Chat to this host's Direct Line endpoint.
(async function () {
  'use strict';

  const errorBox = document.getElementById('chat-error');
  const showError = message => {
    errorBox.textContent = message;
    errorBox.hidden = false;
  };

  try {
    const response = await fetch('/api/webchat/token', { method: 'POST' });
    if (!response.ok) {
      throw new Error('token request failed with status ' + response.status);
    }
    const { token } = await response.json();

    const directLine = window.WebChat.createDirectLine({
      token,
      domain: window.location.origin + '/v3/directline'
    });

    window.WebChat.renderWebChat(
      {
        directLine,
        locale: navigator.language || 'en-GB',
        styleOptions: {
          accent: '#0b4f6c',
          botAvatarInitials: 'AI',
          userAvatarInitials: 'You',
          bubbleBorderRadius: 8,
          bubbleFromUserBackground: '#e8f6fc',
          bubbleFromUserBorderRadius: 8,
          suggestedActionLayout: 'flow',
          hideUploadButton: false,
          sendBoxTextWrap: true
        }
      },
      document.getElementById('webchat')
    );
    document.querySelector('#webchat input, #webchat textarea')?.focus();
  } catch (error) {
    showError('The chat could not start (' + error.message + '). Please reload the page in a moment.');
  }
})();
