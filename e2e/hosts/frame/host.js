// Builds the embed the way the explorer's Embed dialog writes it, from this page's query string.
const params = new URLSearchParams(location.search);
const app = params.get('app');
if (!app) throw new Error('host page: give the explorer’s address as ?app=');
const state = params.get('state') ?? '';

const frame = document.createElement('iframe');
frame.src = `${new URL('?embed=1', app)}${state ? `#${state}` : ''}`;
frame.title = 'Summit Fruits: Potential Fruits of the Biden-Putin Summit, explored';
frame.setAttribute('data-summit-fruits-frame', '');
frame.setAttribute('width', '100%');
frame.setAttribute('height', '800');
if (params.has('sandbox')) frame.setAttribute('sandbox', params.get('sandbox'));
document.getElementById('embed-slot').append(frame);

// Elements whose ids name the loader's old once-only flag (`window.summitFruitsEmbed`): DOM clobbering must not
// switch the loader off.
if (params.has('clobber')) {
  for (const tag of ['div', 'a']) {
    const element = document.createElement(tag);
    element.id = 'summitFruitsEmbed';
    document.body.append(element);
  }
}

if (params.get('loader') !== '0') {
  const loader = document.createElement('script');
  loader.src = new URL('embed.js', app).href;
  loader.async = true;
  document.head.append(loader);
}
