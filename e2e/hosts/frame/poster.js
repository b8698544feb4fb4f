// Claims a height for the frame it is in, as if it were the explorer, then tells the host page it has posted.
parent.postMessage({ type: 'summit-fruits:height', height: 321 }, '*');
parent.postMessage('summit-fruits-test:poster-done', '*');
