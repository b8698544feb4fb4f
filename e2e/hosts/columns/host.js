// The host page's own script: with `?app=<address of the app bundle>` it marks an element in the sidebar for an
// explorer (`?view=` gives its data-view) and adds the entry script; without it the page stays as it is, so a journey
// can measure the host's own layout before an explorer is added.
const params = new URL(location.href).searchParams;
const app = params.get('app');
if (app) {
  const element = document.createElement('div');
  element.setAttribute('data-summit-fruits', '');
  if (params.get('view')) element.setAttribute('data-view', params.get('view'));
  document.getElementById('slot-sidebar').append(element);
  const script = document.createElement('script');
  script.type = 'module';
  script.src = new URL('summit-fruits-embed.js', app).href;
  document.head.append(script);
}
