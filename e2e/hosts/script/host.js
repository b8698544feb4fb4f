// The host page's own script: reads the app's address from `?app=` and inserts the embed markup the Embed dialog
// generates, one element per explorer, then the entry script.
const app = new URL(location.href).searchParams.get('app');
if (!app) throw new Error('open this page with ?app=<address of the app bundle>');

const explorers = {
  'slot-matrix': { 'data-view': 'matrix', 'data-cat': 'risk' },
  'slot-cards': { 'data-q': 'Navalny' },
  'slot-invalid': { 'data-view': 'grid', 'data-colour': 'red', 'data-level': '3' },
};
for (const [slot, options] of Object.entries(explorers)) {
  const element = document.createElement('div');
  element.setAttribute('data-summit-fruits', '');
  for (const [name, value] of Object.entries(options)) element.setAttribute(name, value);
  document.getElementById(slot).append(element);
}
const script = document.createElement('script');
script.type = 'module';
script.src = new URL('summit-fruits-embed.js', app).href;
document.head.append(script);
